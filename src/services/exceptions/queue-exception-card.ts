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
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
import { exceptionCardKey } from './exception-links.ts';

export interface QueueExceptionCardOptions {
  actor: Actor;
  exceptionId: string;
  employeeId: string;
  audience: 'hr' | 'employee';
  /** 例外复核 cards to HR follow its notification preference (docs/notifications.md); others go to every HR person. */
  alertKind?: 'exceptionReverification';
  /** Card key prefix ('exr', 'exw', 'exv', 'exl') and optional part (a quarter). */
  prefix: string;
  part?: string;
  build(key: string): CardModel;
}

async function recipients(tx: Tx, o: QueueExceptionCardOptions, platform: Platform, clock: { now: Date; businessTz: string }): Promise<CardRecipient[]> {
  if (o.audience === 'hr' && o.alertKind) {
    const hr = await findHrRecipients(tx, [platform], { kind: o.alertKind, ...clock });
    return hr.answering(platform).filter((r) => r.employeeId !== o.employeeId);
  }
  const employee = o.audience === 'employee'
    ? { id: o.employeeId }
    : { status: { not: 'EXITED' as const }, id: { not: o.employeeId }, roles: { some: { role: { in: ['HR_SPECIALIST' as const, 'HR_MANAGER' as const] } } } };
  const rows = await tx.platformIdentity.findMany({ where: { platform, employee }, select: { userId: true, employeeId: true }, orderBy: { userId: 'asc' } });
  return rows;
}

/**
 * @example
 *   await queueExceptionCard(deps, tx, { actor, exceptionId, employeeId, audience: 'hr', prefix: 'exw', build: (key) => buildWaiverWarningCard({ key, facts, h5Url }) });
 */
export async function queueExceptionCard(deps: ServiceDeps, tx: Tx, o: QueueExceptionCardOptions): Promise<string[]> {
  const queued: string[] = [];
  for (const platform of deps.chatPlatforms) {
    const to = await recipients(tx, o, platform, { now: deps.now(), businessTz: deps.businessTz });
    if (to.length === 0) continue;
    const card = o.build(exceptionCardKey(o.prefix, o.exceptionId, platform, o.part));
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform, type: card.type, subjectType: 'insurance_exception', subjectId: o.exceptionId, recipients: toJsonColumn(to), model: toJsonColumn(card) },
    });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'insurance_exception', id: o.exceptionId });
    queued.push(card.key);
  }
  return queued;
}
