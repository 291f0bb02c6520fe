// The cards of a page of new enrolment alerts, queued in the alerts' transaction in a fixed number
// of statements whatever the page's size: the card rows, their outbox messages with the group
// copies (two statements), and their card.sent audit events.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { OutboundMessage } from '../../outbox/outbox.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { groupCopyMessage } from '../cards/queue-group-copy.ts';
import { insertCardInstances } from '../cards/insert-card-instances.ts';
import type { PlannedEnrolmentCard } from './plan-enrolment-cards.ts';

/**
 * Only for the cards of alerts this transaction created: the alert row is what makes a card new.
 * @example await queueEnrolmentCards(deps, tx, { actor, recipients, cards: planEnrolmentCards(…) })
 */
export async function queueEnrolmentCards(deps: Pick<ServiceDeps, 'outbox'>, tx: Tx, o: { actor: Actor; recipients: HrRecipients; cards: readonly PlannedEnrolmentCard[] }): Promise<void> {
  if (o.cards.length === 0) return;
  await insertCardInstances(tx, o.cards.map(({ card, platform, to, employeeId }) => ({
    cardKey: card.key, platform, type: card.type, subjectType: 'employee', subjectId: employeeId, recipients: to, model: card,
  })));
  const messages: OutboundMessage[] = o.cards.flatMap(({ card, platform, to, availableAt }) => {
    const personal: OutboundMessage = { dedupeKey: `card:${card.key}`, platform, recipients: to.map((r) => r.userId), payload: { kind: 'card', card }, availableAt };
    const group = groupCopyMessage({ recipients: o.recipients, platform, card, availableAt });
    return group ? [personal, group] : [personal];
  });
  await deps.outbox.enqueueMany(tx, messages);
  await writeAuditEvents(tx, o.actor, o.cards.map(({ card, platform, to, employeeId }) => ({
    event: { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: to.map((r) => r.userId) } },
    subject: { type: 'employee', id: employeeId },
  })));
}
