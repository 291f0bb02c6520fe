// One exit card per platform, queued in the caller's transaction. The key is derived from the
// subject and the stage, so a job rerun for the same day finds the card and queues nothing twice.
import type { CardModel } from '../../../cards/card-model.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import { findExitRecipients, type ExitAudience } from './exit-recipients.ts';

export interface QueueExitCardOptions {
  actor: Actor;
  /** 'exit_process' (chain cards), 'exit_task' (checklist cards), 'employee' (the retirement reminder, the transfer suggestion) or 'pension_transfer_step'. */
  subjectType: 'exit_process' | 'exit_task' | 'employee' | 'pension_transfer_step';
  subjectId: string;
  /** The leaver, for the audit subject. */
  employeeId: string;
  /** e.g. 'notice1', 'union', 'due'. */
  stage: string;
  audience: ExitAudience;
  build(key: string): CardModel;
}

/** `ex-<subject uuid without dashes>-<stage>-<platform>`: valid as task_id and outTrackId. */
export function exitCardKey(subjectId: string, stage: string, platform: Platform): string {
  return `${exitCardKeyPrefix(subjectId, stage)}${platform}`;
}

/** What the keys of one stage's cards on every platform start with. */
export function exitCardKeyPrefix(subjectId: string, stage: string): string {
  return `ex-${subjectId.replaceAll('-', '')}-${stage}-`;
}

/**
 * @example
 *   await queueExitCard(deps, tx, { actor, subjectType: 'exit_process', subjectId: process.id, employeeId, stage: 'notice1', audience: { kind: 'hr' }, build: (key) => buildExitNoticeReadyCard({ …, key }) });
 */
export async function queueExitCard(deps: ServiceDeps, tx: Tx, o: QueueExitCardOptions): Promise<string[]> {
  // Exit cards are never held by quiet hours: each reminds of a legal deadline on its day or after
  // it (劳动合同法 第五十条, 失业保险条例 第十六条), see docs/notifications.md.
  const recipients = await findExitRecipients(tx, deps.chatPlatforms, o.audience, { now: deps.now(), businessTz: deps.businessTz });
  const queued: string[] = [];
  for (const [platform, all] of recipients) {
    // The leaver never gets the HR card about themselves.
    const to = o.audience.kind === 'employees' ? all : all.filter((r) => r.employeeId !== o.employeeId);
    if (to.length === 0) continue;
    const card = o.build(exitCardKey(o.subjectId, o.stage, platform));
    if (await tx.cardInstance.findUnique({ where: { cardKey: card.key }, select: { id: true } })) continue;
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform, type: card.type, subjectType: o.subjectType, subjectId: o.subjectId, recipients: toJsonColumn(to), model: toJsonColumn(card) },
    });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card } });
    await queueGroupCopy(deps, tx, { recipients, platform, card });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'employee', id: o.employeeId });
    queued.push(card.key);
  }
  return queued;
}
