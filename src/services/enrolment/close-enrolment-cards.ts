// Enrolment recorded outside a card (by hand in the API / H5, or by a roster import): every open
// reminder card of those hires (all stages, all platforms) is closed for every recipient, showing
// who recorded it and when, and their open alerts are resolved, so nobody clicks 已增员 on a card
// whose work is done and no further reminder goes out.
import { ENROLMENT_RECORDED } from '../../../cards/action-ids.ts';
import { ENROLMENT_DEADLINE_CARD, ENROLMENT_RECORDED_LABEL } from '../../../cards/enrolment-deadline-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { decideOpenCards } from '../cards/close-cards.ts';
import { ENROLMENT_ALERT_KIND } from '../../domain/enrolment/enrolment-alert.ts';

/** @example await closeEnrolmentCards(deps, tx, { actor, employeeIds: [id], how: '手工登记' }) // → cards closed */
export async function closeEnrolmentCards(deps: ServiceDeps, tx: Tx, o: { actor: Actor; employeeIds: readonly string[]; how: string }): Promise<number> {
  if (o.employeeIds.length === 0) return 0;
  const now = deps.now();
  await tx.alert.updateMany({ where: { employeeId: { in: [...o.employeeIds] }, kind: ENROLMENT_ALERT_KIND, state: 'OPEN' }, data: { state: 'RESOLVED', resolvedAt: now } });
  const open = await tx.cardInstance.findMany({ where: { type: ENROLMENT_DEADLINE_CARD, subjectType: 'employee', subjectId: { in: [...o.employeeIds] }, state: 'OPEN' } });
  const decision = { actor: o.actor, actionId: ENROLMENT_RECORDED, decided: { label: `${ENROLMENT_RECORDED_LABEL}（${o.how}）`, byName: o.actor.name, at: now.toISOString() } };
  return decideOpenCards(deps, tx, open, decision);
}
