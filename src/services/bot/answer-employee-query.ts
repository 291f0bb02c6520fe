// A name or 工号 typed to the bot. HR gets one 员工状况 card per match; anyone else a polite
// refusal. Returns undefined when the text names nobody, so the caller can answer with help.
import { buildEmployeeStatusCard } from '../../../cards/employee-status-card.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { deliveryTag } from './delivery-tag.ts';
import { isHrActor } from './help-text.ts';
import { employeeStatusFacts } from './employee-status-facts.ts';

/** Same-name colleagues: at most this many cards, the rest by 工号. */
const MAX_MATCHES = 3;

export const NAME_QUERY_REFUSAL = '查询员工情况仅对人事开放。你可以发送「待办」查看自己的待办，发送「我的社保」查看本人的缴费明细。';


/**
 * @example
 *   await answerEmployeeQuery(deps, { actor, platform: 'wecom', platformUserId: 'lin', text: '张三', deliveryId }) // → { text: '已发送 张三 的状况卡片' }
 */
export async function answerEmployeeQuery(
  deps: ServiceDeps,
  o: { actor: Actor; platform: Platform; platformUserId: string; text: string; deliveryId: string },
): Promise<{ text: string } | undefined> {
  const query = o.text.trim();
  if (query.length === 0 || query.length > 64) return undefined;
  const matches = await deps.db.employee.findMany({
    where: { OR: [{ name: query }, { employeeNo: query }] }, include: { department: { select: { name: true } } }, orderBy: { employeeNo: 'asc' }, take: MAX_MATCHES + 1,
  });
  if (matches.length === 0) return undefined;
  if (!isHrActor(o.actor)) return { text: NAME_QUERY_REFUSAL };
  const tag = deliveryTag(o.deliveryId);
  const shown = matches.slice(0, MAX_MATCHES);
  const cards = await Promise.all(shown.map(async (e) => buildEmployeeStatusCard({
    key: `emp-${e.id.replaceAll('-', '')}-${tag}`, facts: await employeeStatusFacts(deps, e), h5Url: `${deps.publicBaseUrl}/app/employees/${e.id}`,
  })));
  await deps.db.$transaction(async (tx) => {
    for (const card of cards) await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform: o.platform, recipients: [o.platformUserId], payload: { kind: 'card', card } });
  });
  const more = matches.length > MAX_MATCHES ? `；同名员工较多，请改用工号查询` : '';
  return { text: `已发送 ${shown.map((e) => `${e.name}（${e.employeeNo}）`).join('、')} 的状况卡片${more}` };
}
