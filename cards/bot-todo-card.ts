// 我的待办: the bot's answer to 「待办」. One row per kind of thing waiting for the person; each
// approval waiting for them follows as its own approval card, whose 同意/驳回 work in the chat.
import { assertAtMost } from './card-limits.ts';
import type { CardDecision, CardModel, CardRow } from './card-model.ts';

export const BOT_PENDING_CARD = 'bot.todo';

/** WeCom shows at most 6 rows: the rest is on the H5 待办 page. */
export const PENDING_CARD_MAX_ROWS = 6;

export interface TodoCardItem {
  /** e.g. '待我审批', '待签收制度'. */
  kind: string;
  title: string;
}

/**
 * @example
 *   buildBotTodoCard({ key: 'todo-…-wecom', name: '王经理', items, todoUrl: `${base}/app/todo`, meUrl: `${base}/app/me` })
 */
export function buildBotTodoCard(o: { key: string; name: string; items: TodoCardItem[]; todoUrl: string; meUrl: string; decided?: CardDecision }): CardModel {
  const rows: CardRow[] = o.items.slice(0, PENDING_CARD_MAX_ROWS).map((i) => ({ label: i.kind, value: i.title }));
  const more = o.items.length - rows.length;
  if (more > 0) rows[PENDING_CARD_MAX_ROWS - 1] = { label: '更多', value: `还有 ${more + 1} 项，请在待办页查看` };
  assertAtMost('bot.todo rows', rows.length, PENDING_CARD_MAX_ROWS);
  return {
    type: BOT_PENDING_CARD,
    key: o.key,
    title: '我的待办',
    subtitle: o.items.length > 0 ? `${o.name}，你有 ${o.items.length} 项待办` : `${o.name}，你目前没有待办`,
    tone: 'normal',
    rows: rows.length > 0 ? rows : [{ label: '待办', value: '暂无，有新事项时会推送卡片给你' }],
    buttons: [{ kind: 'link', text: '打开待办', url: o.todoUrl }, { kind: 'link', text: '我的', url: o.meUrl }],
    url: o.todoUrl,
    ...(o.decided && { decided: o.decided }),
  };
}
