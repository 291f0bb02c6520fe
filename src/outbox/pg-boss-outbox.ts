// The outbox on pg-boss: the OutboxMessage row and its delivery job are written through the
// caller's Prisma transaction, so both exist exactly when the domain change commits.
import { randomUUID } from 'node:crypto';
import { fromPrisma, type PgBoss } from 'pg-boss';
import { toJsonColumn } from '../db/json-column.ts';
import type { Outbox } from './outbox.ts';
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
  return {
    async enqueue(tx, message) {
      if (message.payload.kind !== 'group' && message.recipients.length === 0) throw new Error(`outbox message ${message.dedupeKey} has no recipients`);
      const id = randomUUID();
      const row = {
        id,
        dedupeKey: message.dedupeKey,
        platform: message.platform,
        kind: message.payload.kind,
        recipients: message.recipients,
        payload: toJsonColumn(message.payload),
        availableAt: message.availableAt ?? null,
      };
      // A second enqueue of the same logical message inserts nothing and queues nothing.
      const { count } = await tx.outboxMessage.createMany({ data: [row], skipDuplicates: true });
      if (count === 0) return;
      await opts.boss.send(OUTBOX_QUEUE, { id }, { id, singletonKey: message.dedupeKey, db: fromPrisma(tx), retryBackoff: true, ...retry, ...(message.availableAt && { startAfter: message.availableAt }) });
    },
  };
}
