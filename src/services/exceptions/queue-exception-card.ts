// One card per platform about an insurance exception, queued in the caller's transaction: to HR
// (specialists and managers, never the requester themself) or to the employee concerned. The
// CardInstance, the outbox message and the card.sent audit event commit with the change.
import type { CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn, type CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import { exceptionCardKey } from './exception-links.ts';

export interface QueueExceptionCardOptions {
  actor: Actor;
  exceptionId: string;
  employeeId: string;
  /** 'hr': as chosen for 例外复核 in the notification settings (every exception card to HR: a request, a waiver, a lapse, a fresh-proof fallback; default every HR person), and its group chat. */
  audience: 'hr' | 'employee';
  /** Card key prefix ('exr', 'exw', 'exv', 'exl') and optional part (a quarter). */
  prefix: string;
  part?: string;
  build(key: string): CardModel;
}

type Audience = { recipients: (platform: Platform) => Promise<CardRecipient[]> | CardRecipient[]; hr?: HrRecipients };

async function audienceOf(deps: ServiceDeps, tx: Tx, o: QueueExceptionCardOptions): Promise<Audience> {
  if (o.audience === 'hr') {
    const hr = await findHrRecipients(tx, deps.chatPlatforms, { kind: 'exceptionReverification', now: deps.now(), businessTz: deps.businessTz });
    // The requester never gets the HR card about themself.
    return { hr, recipients: (platform) => hr.answering(platform).filter((r) => r.employeeId !== o.employeeId) };
  }
  return { recipients: (platform) => tx.platformIdentity.findMany({ where: { platform, employeeId: o.employeeId }, select: { userId: true, employeeId: true }, orderBy: { userId: 'asc' } }) };
}

/**
 * @example
 *   await queueExceptionCard(deps, tx, { actor, exceptionId, employeeId, audience: 'hr', prefix: 'exw', build: (key) => buildWaiverWarningCard({ key, facts, h5Url }) });
 */
export async function queueExceptionCard(deps: ServiceDeps, tx: Tx, o: QueueExceptionCardOptions): Promise<string[]> {
  const audience = await audienceOf(deps, tx, o);
  const queued: string[] = [];
  for (const platform of deps.chatPlatforms) {
    const to = await audience.recipients(platform);
    if (to.length === 0) continue;
    const card = o.build(exceptionCardKey(o.prefix, o.exceptionId, platform, o.part));
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform, type: card.type, subjectType: 'insurance_exception', subjectId: o.exceptionId, recipients: toJsonColumn(to), model: toJsonColumn(card) },
    });
    const userIds = to.map((r) => r.userId);
    // Exception cards are not held by quiet hours (as before the setting), nor is their group copy.
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
    if (audience.hr) await queueGroupCopy(deps, tx, { recipients: audience.hr, platform, card });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'insurance_exception', id: o.exceptionId });
    queued.push(card.key);
  }
  return queued;
}
