// A pension transfer step on its due day (「转移接续今日到期」) and on the working day after it
// (「转移接续已逾期」), to the HR specialists; 已办结 records the step as done that day.
import { TRANSFER_STEP_DONE } from './action-ids.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const TRANSFER_STEP_DUE_CARD = 'transfer.step_due';
export const TRANSFER_STEP_OVERDUE_CARD = 'transfer.step_overdue';

export interface TransferStepCardFacts {
  employeeName: string;
  /** '长沙 → 上海' */
  route: string;
  /** '第2步：新参保地社保经办机构审核并出具联系函' */
  step: string;
  dueOn: string;
  legalBasis: string;
  /** 「2027年放假安排未公布，日期可能顺延」, when it applies. */
  caveat?: string;
}

/**
 * @example
 *   buildTransferStepCard({ overdue: false, facts, key: 'ex-…-s2due-wecom', h5Url })
 */
export function buildTransferStepCard(o: { overdue: boolean; facts: TransferStepCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: o.overdue ? TRANSFER_STEP_OVERDUE_CARD : TRANSFER_STEP_DUE_CARD,
    key: o.key,
    title: o.overdue ? '转移接续已逾期' : '转移接续今日到期',
    subtitle: o.decided ? `${f.employeeName}：${f.step} 已办结` : `${f.employeeName}：${f.step}`,
    tone: o.overdue ? 'urgent' : 'normal',
    rows: [
      { label: '员工', value: f.employeeName },
      { label: '转移', value: f.route },
      { label: '步骤', value: f.step },
      { label: '截止日期', value: f.dueOn },
      ...(f.caveat ? [{ label: '提示', value: f.caveat }] : []),
    ],
    legalBasis: `依据${f.legalBasis}`,
    buttons: [
      { kind: 'action', actionId: TRANSFER_STEP_DONE, text: '今日已办结', style: 'primary' },
      { kind: 'link', text: '查看转移接续', url: o.h5Url },
    ],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
