// The rows every reminder digest shares (转移接续提醒, 离职事项提醒): how many items fall due today
// and how many are overdue, each with the people concerned, count first so that WeCom's
// 26-character row keeps what matters when it cuts.
import type { CardRow } from './card-model.ts';

/** Names listed per row before 「等」: DingTalk shows them all, WeCom cuts the row at 26 characters. */
const NAMES_SHOWN = 5;

/**
 * `due` / `overdue`: the employee name of each item, in the order to list them; `unit`: '步' or '项'.
 * @example digestRows({ due: ['张三'], overdue: ['李四', '李四'], unit: '步' }) // → [{ label: '今日到期', value: '1步（1人）：张三' }, { label: '已逾期', value: '2步（1人）：李四', tone: 'danger' }]
 */
export function digestRows(o: { due: readonly string[]; overdue: readonly string[]; unit: string; caveat?: string }): CardRow[] {
  return [
    ...(o.due.length > 0 ? [{ label: '今日到期', value: listed(o.due, o.unit) }] : []),
    ...(o.overdue.length > 0 ? [{ label: '已逾期', value: listed(o.overdue, o.unit), tone: 'danger' as const }] : []),
    ...(o.caveat ? [{ label: '提示', value: o.caveat }] : []),
  ];
}

/** '2027-05-07：今日到期 3 项，已逾期 12 项，请在离职清单中逐项办理' */
export function digestSubtitle(o: { asOf: string; due: number; overdue: number; unit: string; where: string }): string {
  return `${o.asOf}：今日到期 ${o.due} ${o.unit}，已逾期 ${o.overdue} ${o.unit}，请在${o.where}中逐项办理`;
}

/** '6步（5人）：李四、王五、赵六、钱七、孙八 等' */
function listed(names: readonly string[], unit: string): string {
  const people = [...new Set(names)];
  return `${names.length}${unit}（${people.length}人）：${people.slice(0, NAMES_SHOWN).join('、')}${people.length > NAMES_SHOWN ? ' 等' : ''}`;
}
