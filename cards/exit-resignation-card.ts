// An employee's resignation request from the H5 (劳动合同法 第三十七条): HR acknowledges it.
import { EXIT_ACCEPT_RESIGNATION } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const EXIT_RESIGNATION_CARD = 'exit.resignation';

export interface ResignationCardFacts {
  name: string;
  department: string;
  requestedOn: string;
  lastDay: string;
  noticeDays: number;
  requiredDays: number;
  reason: string;
}

/**
 * @example
 *   buildExitResignationCard({ facts, key: 'exr-…-wecom', h5Url })
 */
export function buildExitResignationCard(o: { facts: ResignationCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  const short = f.noticeDays < f.requiredDays;
  return {
    type: EXIT_RESIGNATION_CARD,
    key: o.key,
    title: '员工离职申请',
    subtitle: o.decided ? `${f.name} 的离职申请已处理` : `${f.name} 申请于 ${f.lastDay} 离职`,
    tone: short ? 'urgent' : 'normal',
    rows: [
      { label: '姓名', value: f.name },
      { label: '部门', value: f.department },
      { label: '提出日期', value: f.requestedOn },
      { label: '最后工作日', value: f.lastDay },
      { label: '提前通知', value: short ? `${f.noticeDays}天（少于法定${f.requiredDays}天）` : `${f.noticeDays}天` },
      { label: '原因', value: f.reason || '—' },
    ],
    legalBasis: `依据《劳动合同法》第三十七条：劳动者提前三十日（试用期内提前三日）以书面形式通知用人单位，可以解除劳动合同`,
    buttons: [
      { kind: 'action', actionId: EXIT_ACCEPT_RESIGNATION, text: '确认收到', style: 'primary' },
      { kind: 'link', text: '查看', url: o.h5Url },
    ],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
