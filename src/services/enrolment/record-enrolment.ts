// A click on 已增员. Only the card key, the action id and the clicker come from the callback;
// everything else is reloaded. One transaction: this card OPEN→DECIDED (compare-and-set), the
// enrolment rows, the reminders resolved, and a card update for every open reminder card of
// this hire (all stages, all platforms) to every recipient.
import type { CardClick } from '../card-click.ts';
import { ENROLMENT_RECORDED } from '../../../cards/action-ids.ts';
import { ENROLMENT_DEADLINE_CARD, ENROLMENT_RECORDED_LABEL } from '../../../cards/enrolment-deadline-card.ts';
import { dayIn } from '../../domain/dates.ts';
import type { CardInstance } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidedReply, loadClickedCard, UNKNOWN_ACTION } from '../cards/load-clicked-card.ts';
import { closeCopies, decidedColumns, queueCardUpdates } from '../cards/close-cards.ts';
import { rememberResponseCode } from '../cards/remember-response-code.ts';
import { recordEnrolmentInTx } from './record-enrolment-in-tx.ts';

/** The click that decides the card (listeners/card-click-listener.ts). */
export type RecordEnrolmentOptions = CardClick;

/**
 * @example
 *   const { text } = await recordEnrolment(deps, { cardKey, actionId: ENROLMENT_RECORDED, actor, platform: 'wecom', platformUserId: 'lihr' });
 */
export async function recordEnrolment(deps: ServiceDeps, opts: RecordEnrolmentOptions): Promise<{ text: string }> {
  if (opts.actionId !== ENROLMENT_RECORDED) return UNKNOWN_ACTION;
  const clicked = await loadClickedCard(deps, opts, {
    types: [ENROLMENT_DEADLINE_CARD],
    permission: { action: 'enrolment.record', refusal: '抱歉，只有人事可以登记社保增员；如已办理，请告知人事同事点击「已增员」' },
  });
  if (clicked.refused) return clicked.refused;
  const { card, actor } = clicked;
  if (card.state !== 'OPEN') return alreadyRecorded(deps, card);
  const employeeId = card.subjectId;
  if (actor.id === employeeId) return { text: '抱歉，这是你本人的社保增员，不能由你自己登记，请由其他人事同事点击「已增员」' };
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    // Serialize per hire: reminder cards of two stages or platforms clicked at once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`card:${card.type}:${employeeId}`}, 0))`;
    const decision = { actor, actionId: opts.actionId, decided: { label: ENROLMENT_RECORDED_LABEL, byName: actor.name, at: now.toISOString() } };
    const own = decidedColumns(card, decision);
    if (!(await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, own.data))) {
      return alreadyRecorded(deps, await tx.cardInstance.findUniqueOrThrow({ where: { id: card.id } }));
    }
    if (opts.responseCode) await rememberResponseCode(tx, card.id, opts.platformUserId, opts.responseCode);
    const today = dayIn(deps.businessTz, now);
    const r = await recordEnrolmentInTx(tx, { actor, employeeId, enrolledOn: today, source: 'card', reason: '已增员（卡片）', now });
    const copies = await closeCopies(tx, card, decision);
    await queueCardUpdates(deps, tx, [{ card, model: own.model }, ...copies]);
    await writeAuditEvent(tx, actor, {
      type: 'card.decided',
      data: { cardKey: card.cardKey, cardType: card.type, platform: card.platform, actionId: opts.actionId, decision: ENROLMENT_RECORDED_LABEL, platformUserId: opts.platformUserId, cardsClosed: 1 + copies.length },
    }, { type: 'employee', id: employeeId });
    const { name } = await tx.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { name: true } });
    return r.enrolled.length > 0
      ? { text: `已登记 ${name} 社保增员（增员日期 ${today}），不再提醒。如日期有误，点卡片上的「详情」修改。` }
      : { text: `${name} 的社保增员此前已登记，不再提醒。` };
  });
}

function alreadyRecorded(deps: ServiceDeps, card: CardInstance): { text: string } {
  return decidedReply(deps, card, ENROLMENT_RECORDED_LABEL);
}
