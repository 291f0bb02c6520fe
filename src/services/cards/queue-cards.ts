// A sweep's batch of alert cards, queued in the caller's transaction in a fixed number of
// statements whatever the batch's size: the card rows, their outbox messages with the group
// copies, and the card.sent audit events. A card key already stored (a rerun, a racing instance)
// queues nothing, so every card goes out once.
import type { CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { OutboundMessage } from '../../outbox/outbox.ts';
import { writeAuditEvents, type AuditEventRow } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import type { CardRecipient } from './card-instance-json.ts';
import type { HrRecipients } from './find-hr-recipients.ts';
import { insertCardInstances } from './insert-card-instances.ts';
import { groupCopyMessage } from './queue-group-copy.ts';

export interface PlannedCard {
  card: CardModel;
  platform: Platform;
  to: CardRecipient[];
  /** What the CardInstance row is about, e.g. { type: 'absence_case', id }. */
  subject: { type: string; id: string };
  /** The employee the card.sent event is filed under; none for a card about many (a digest). */
  employeeId?: string;
  /** The HR group chat that gets a copy (notification preferences), or null. */
  group: HrRecipients['group'];
  /** Quiet hours (docs/notifications.md); undefined: at once. */
  availableAt?: Date;
}

/**
 * `alsoAudit`: the caller's own audit events of this change, written in the same INSERT.
 * @example await queueCards(deps, tx, actor, planned) // → Set { 'ab-…-wecom' } (the keys queued now)
 */
export async function queueCards(deps: Pick<ServiceDeps, 'outbox'>, tx: Tx, actor: Actor, cards: readonly PlannedCard[], alsoAudit: readonly AuditEventRow[] = []): Promise<Set<string>> {
  const queued = await insertCardInstances(tx, cards.map(({ card, platform, to, subject }) => ({
    cardKey: card.key, platform, type: card.type, subjectType: subject.type, subjectId: subject.id, recipients: to, model: card,
  })));
  const fresh = cards.filter((c) => queued.has(c.card.key));
  await deps.outbox.enqueueMany(tx, fresh.flatMap(({ card, platform, to, group, availableAt }): OutboundMessage[] => {
    const copy = groupCopyMessage({ recipients: { group }, platform, card, availableAt });
    return [{ dedupeKey: `card:${card.key}`, platform, recipients: to.map((r) => r.userId), payload: { kind: 'card', card }, availableAt }, ...(copy ? [copy] : [])];
  }));
  await writeAuditEvents(tx, actor, [...fresh.map(({ card, platform, to, employeeId }) => ({
    event: { type: 'card.sent' as const, data: { cardKey: card.key, cardType: card.type, platform, recipients: to.map((r) => r.userId) } },
    ...(employeeId && { subject: { type: 'employee' as const, id: employeeId } }),
  })), ...alsoAudit]);
  return queued;
}
