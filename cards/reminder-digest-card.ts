// The card every reminder digest is (转移接续提醒, 离职事项提醒): how many items fall due today and
// how many are overdue, each with the people concerned — count first, so that WeCom's
// 26-character row keeps what matters when it cuts — and one link to the list where the items are
// handled. No action buttons: each item is done from the list.
import type { CardDecision, CardModel, CardRow } from './card-model.ts';

/** Names listed per row before 「等」: DingTalk shows them all, WeCom cuts the row at 26 characters. */
const NAMES_SHOWN = 5;

export interface ReminderDigestInput {
  type: string;
  key: string;
  title: string;
  /** 'YYYY-MM-DD' of the run. */
  asOf: string;
  /** The person of each item due today, in the order to list them (one name per item). */
  due: readonly string[];
  /** The person of each overdue item, likewise. */
  overdue: readonly string[];
  /** '步' or '项'. */
  unit: string;
  /** Where the items are handled, e.g. '离职清单'. */
  where: string;
  caveat?: string;
  legalBasis: string;
  linkText: string;
  h5Url: string;
  decided?: CardDecision;
}

/**
 * @example buildReminderDigestCard({ type: 'exit.task_digest', key, title: '离职事项提醒', asOf, due: ['张三'], overdue: [], unit: '项', where: '离职清单', legalBasis, linkText: '查看离职清单', h5Url })
 */
export function buildReminderDigestCard(o: ReminderDigestInput): CardModel {
  const rows: CardRow[] = [
    ...(o.due.length > 0 ? [{ label: '今日到期', value: listed(o.due, o.unit) }] : []),
    ...(o.overdue.length > 0 ? [{ label: '已逾期', value: listed(o.overdue, o.unit), tone: 'danger' as const }] : []),
    ...(o.caveat ? [{ label: '提示', value: o.caveat }] : []),
  ];
  return {
    type: o.type,
    key: o.key,
    title: o.title,
    subtitle: `${o.asOf}：今日到期 ${o.due.length} ${o.unit}，已逾期 ${o.overdue.length} ${o.unit}，请在${o.where}中逐项办理`,
    tone: o.overdue.length > 0 ? 'urgent' : 'normal',
    rows,
    legalBasis: o.legalBasis,
    buttons: [{ kind: 'link', text: o.linkText, url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}

/** '6步（5人）：李四、王五、赵六、钱七、孙八 等' */
function listed(names: readonly string[], unit: string): string {
  const people = [...new Set(names)];
  return `${names.length}${unit}（${people.length}人）：${firstNames(people)}`;
}

/** The first names of a digest's list, then 「等」 when there are more: '李四、王五、赵六、钱七、孙八 等'. */
export function firstNames(people: readonly string[]): string {
  return `${people.slice(0, NAMES_SHOWN).join('、')}${people.length > NAMES_SHOWN ? ' 等' : ''}`;
}
