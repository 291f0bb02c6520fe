// 离职事项提醒 as one digest: when a run owes more checklist reminders than a chat can sensibly
// carry (a catch-up after an outage, a large group's month end), each audience (a task owner, the
// HR specialists, the HR managers) gets one card per platform listing how many of its items fall
// due today and how many are overdue, with the leavers concerned; each item is handled from the
// exits list in the H5. Fewer reminders keep their own task cards (exit-task-cards.ts, with 已办结).
import type { CardDecision, CardModel } from './card-model.ts';
import { buildReminderDigestCard } from './reminder-digest-card.ts';

export const EXIT_TASK_DIGEST_CARD = 'exit.task_digest';

export interface ExitTaskDigestInput {
  key: string;
  /** 'YYYY-MM-DD' of the run. */
  asOf: string;
  /** The leaver of each item due today, in the order to list them (one name per item). */
  due: string[];
  /** The leaver of each overdue item, likewise. */
  overdue: string[];
  h5Url: string;
  /** Not used by the job; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/**
 * @example
 *   buildExitTaskDigestCard({ key: 'xd-…-wecom', asOf: '2026-11-20', due: ['张三'], overdue: [], h5Url })
 */
export function buildExitTaskDigestCard(o: ExitTaskDigestInput): CardModel {
  return buildReminderDigestCard({
    ...o, type: EXIT_TASK_DIGEST_CARD, title: '离职事项提醒', unit: '项', where: '离职清单', linkText: '查看离职清单',
    // Each item's own article is on its row in the exits list; these are the deadlines the checklist holds.
    legalBasis: '依据《劳动合同法》第五十条（解除或者终止劳动合同证明、十五日内办理档案和社会保险关系转移）及清单各事项的法定期限',
  });
}
