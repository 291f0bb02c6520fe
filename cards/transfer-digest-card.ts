// 转移接续提醒 as one digest: when a run owes HR more step reminders than a chat can sensibly carry
// (a catch-up after an outage, a large group's Monday), one card per platform lists how many steps
// fall due today and how many are overdue, with the people concerned; each case is handled from
// the transfer list in the H5. Fewer reminders keep their own step cards (transfer-step-cards.ts),
// which carry 今日已办结.
import { TRANSFER_ARTICLE } from '../src/domain/transfer/transfer-steps.ts';
import type { CardDecision, CardModel } from './card-model.ts';
import { buildReminderDigestCard } from './reminder-digest-card.ts';

export const TRANSFER_DIGEST_CARD = 'transfer.digest';

export interface TransferDigestInput {
  key: string;
  /** 'YYYY-MM-DD' of the run. */
  asOf: string;
  /** The employee of each step due today, in the order to list them (one name per step). */
  due: string[];
  /** The employee of each overdue step, likewise. */
  overdue: string[];
  /** 「2027年放假安排未公布，日期可能顺延」, when some due day falls in such a year. */
  caveat?: string;
  h5Url: string;
  /** Not used by the job; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/**
 * @example
 *   buildTransferDigestCard({ key: 'td-…-wecom', asOf: '2026-11-20', due: ['张三'], overdue: [], h5Url })
 */
export function buildTransferDigestCard(o: TransferDigestInput): CardModel {
  return buildReminderDigestCard({
    ...o, type: TRANSFER_DIGEST_CARD, title: '转移接续提醒', unit: '步', where: '转移接续列表', linkText: '查看转移接续',
    legalBasis: `依据${TRANSFER_ARTICLE}：第二至四步各在15个工作日内办结`,
  });
}
