// The 社保政策已更新 card, queued in the import's transaction to the HR specialists (or managers)
// of every chat platform: the card instance, the outbox message and card.sent commit with the change.
import { randomUUID } from 'node:crypto';
import { buildPolicyUpdatedCard, type PolicyUpdatedFacts } from '../../../cards/policy-updated-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';

type CardDeps = Pick<ServiceDeps, 'chatPlatforms' | 'outbox' | 'publicBaseUrl' | 'businessTz' | 'now'>;

/** @example await queuePolicyUpdatedCard(deps, tx, { actor, city: '上海', fromMonth: '2025-07', changes: ['新增 2025-07 起'], unverified: null }) */
export async function queuePolicyUpdatedCard(deps: CardDeps, tx: Tx, o: { actor: Actor } & Omit<PolicyUpdatedFacts, 'actorName' | 'at'>): Promise<number> {
  const recipients = await findHrRecipients(tx, deps.chatPlatforms);
  const facts: PolicyUpdatedFacts = { city: o.city, fromMonth: o.fromMonth, changes: o.changes, unverified: o.unverified, actorName: o.actor.name, at: formatDateTime(deps.businessTz, deps.now()) };
  const id = randomUUID().replaceAll('-', '');
  const subject = { type: 'company' as const, id: `policy:${o.city}` };
  let queued = 0;
  for (const platform of deps.chatPlatforms) {
    const to = recipients.answering(platform);
    if (to.length === 0) continue;
    const card = buildPolicyUpdatedCard({ key: `pol-${id}-${platform}`, facts, h5Url: `${deps.publicBaseUrl}/app` });
    await tx.cardInstance.create({ data: { cardKey: card.key, platform, type: card.type, subjectType: subject.type, subjectId: subject.id, recipients: toJsonColumn(to), model: toJsonColumn(card) } });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, subject);
    queued++;
  }
  return queued;
}
