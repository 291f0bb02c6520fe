// 转移接续提醒 as one digest: when a run owes HR more step reminders than a chat can sensibly carry
// (a catch-up after an outage, a large group's Monday), one card per platform lists how many steps
// fall due today and how many are overdue, with the people concerned; each case is handled from
// the transfer list in the H5. Fewer reminders keep their own step cards (transfer-step-cards.ts),
// which carry 今日已办结.
import { TRANSFER_ARTICLE } from '../src/domain/transfer/transfer-steps.ts';
import type { CardDecision, CardModel } from './card-model.ts';

export const TRANSFER_DIGEST_CARD = 'transfer.digest';

/** Names listed per row before 「等」: DingTalk shows them all, WeCom cuts the row at 26 characters. */
const NAMES_SHOWN = 5;

export interface TransferDigestStep {
  employeeName: string;
  /** 2–4 */
  step: number;
}

export interface TransferDigestInput {
  key: string;
  /** 'YYYY-MM-DD' of the run. */
  asOf: string;
  due: TransferDigestStep[];
  overdue: TransferDigestStep[];
  /** 「2027年放假安排未公布，日期可能顺延」, when some due day falls in such a year. */
  caveat?: string;
  h5Url: string;
  /** Not used by the job; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/**
 * @example
 *   buildTransferDigestCard({ key: 'td-…-wecom', asOf: '2026-11-20', due: [{ employeeName: '张三', step: 2 }], overdue: [], h5Url })
 */
export function buildTransferDigestCard(o: TransferDigestInput): CardModel {
  const rows = [
    ...(o.due.length > 0 ? [{ label: '今日到期', value: listed(o.due) }] : []),
    ...(o.overdue.length > 0 ? [{ label: '已逾期', value: listed(o.overdue), tone: 'danger' as const }] : []),
    ...(o.caveat ? [{ label: '提示', value: o.caveat }] : []),
  ];
  return {
    type: TRANSFER_DIGEST_CARD,
    key: o.key,
    title: '转移接续提醒',
    subtitle: `${o.asOf}：今日到期 ${o.due.length} 步，已逾期 ${o.overdue.length} 步，请在转移接续列表中逐项办理`,
    tone: o.overdue.length > 0 ? 'urgent' : 'normal',
    rows,
    legalBasis: `依据${TRANSFER_ARTICLE}：第二至四步各在15个工作日内办结`,
    buttons: [{ kind: 'link', text: '查看转移接续', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}

/**
 * '6步（5人）：李四、王五、赵六 等' — the count first, then names, so WeCom's 26-character row
 * keeps what matters when it cuts; which step of whose case is in the transfer list.
 */
function listed(steps: TransferDigestStep[]): string {
  const people = [...new Set(steps.map((s) => s.employeeName))];
  const shown = people.slice(0, NAMES_SHOWN).join('、');
  return `${steps.length}步（${people.length}人）：${shown}${people.length > NAMES_SHOWN ? ' 等' : ''}`;
}
