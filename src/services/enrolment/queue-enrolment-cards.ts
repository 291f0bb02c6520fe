// The cards of a page of new enrolment alerts, queued in the alerts' transaction (queueCards:
// a fixed number of statements whatever the page's size).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueCards } from '../cards/queue-cards.ts';
import type { PlannedEnrolmentCard } from './plan-enrolment-cards.ts';

/**
 * Only for the cards of alerts this transaction created: the alert row is what makes a card new.
 * @example await queueEnrolmentCards(deps, tx, { actor, recipients, cards: planEnrolmentCards(…) })
 */
export async function queueEnrolmentCards(deps: Pick<ServiceDeps, 'outbox'>, tx: Tx, o: { actor: Actor; recipients: HrRecipients; cards: readonly PlannedEnrolmentCard[] }): Promise<void> {
  await queueCards(deps, tx, o.actor, o.cards.map(({ card, platform, to, employeeId, availableAt }) => ({
    card, platform, to, employeeId, availableAt, group: o.recipients.group, subject: { type: 'employee', id: employeeId },
  })));
}
