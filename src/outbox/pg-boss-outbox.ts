// The outbox on pg-boss: the OutboxMessage rows and their delivery jobs are written through the
// caller's Prisma transaction, so both exist exactly when the domain change commits.
import { randomUUID } from 'node:crypto';
import { fromPrisma, type PgBoss } from 'pg-boss';
import { toJsonColumn } from '../db/json-column.ts';
import type { OutboundMessage, Outbox } from './outbox.ts';
import { DEFAULT_RETRY_POLICY, OUTBOX_QUEUE, type OutboxRetryPolicy } from './outbox-queues.ts';

/**
 * @example
 * const outbox = createPgBossOutbox({ boss });
 * await db.$transaction(async (tx) => {
 *   await tx.alert.create({ … });
 *   await outbox.enqueue(tx, { dedupeKey: `alert:${id}`, platform: 'wecom', recipients: ['hr1'], payload: { kind: 'card', card } });
 * });
 */
export function createPgBossOutbox(opts: { boss: PgBoss; retry?: Partial<OutboxRetryPolicy> }): Outbox {
  const retry = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const outbox: Outbox = {
    enqueue: (tx, message) => outbox.enqueueMany(tx, [message]),
    async enqueueMany(tx, messages) {
      if (messages.length === 0) return;
      const rows = messages.map(toRow);
      // A second enqueue of the same logical message inserts nothing and queues nothing.
      const created = await tx.outboxMessage.createManyAndReturn({ data: rows, skipDuplicates: true, select: { id: true } });
      if (created.length === 0) return;
      const fresh = new Set(created.map((r) => r.id));
      const jobs = rows.filter((r) => fresh.has(r.id)).map((r) => ({
        id: r.id, data: { id: r.id }, singletonKey: r.dedupeKey, retryBackoff: true, ...retry, ...(r.availableAt && { startAfter: r.availableAt }),
      }));
      await opts.boss.insert(OUTBOX_QUEUE, jobs, { db: fromPrisma(tx) });
    },
  };
  return outbox;
}

function toRow(message: OutboundMessage) {
  if (message.payload.kind !== 'group' && message.recipients.length === 0) throw new Error(`outbox message ${message.dedupeKey} has no recipients`);
  return {
    id: randomUUID(),
    dedupeKey: message.dedupeKey,
    platform: message.platform,
    kind: message.payload.kind,
    recipients: message.recipients,
    payload: toJsonColumn(message.payload),
    availableAt: message.availableAt ?? null,
  };
}
