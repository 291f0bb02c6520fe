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
      // One INSERT … SELECT FROM unnest: Prisma's createManyAndReturn costs milliseconds per row of JSON.
      const created = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "OutboxMessage" (id, "dedupeKey", platform, kind, recipients, payload, "availableAt")
        SELECT u.id::uuid, u.key, u.platform::"Platform", u.kind, u.recipients::jsonb, u.payload::jsonb, u.available_at::timestamptz
        FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.dedupeKey)}::text[], ${rows.map((r) => r.platform)}::text[], ${rows.map((r) => r.kind)}::text[],
          ${rows.map((r) => JSON.stringify(r.recipients))}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::text[], ${rows.map((r) => r.availableAt?.toISOString() ?? null)}::text[])
          WITH ORDINALITY AS u(id, key, platform, kind, recipients, payload, available_at, n)
        ORDER BY u.n
        ON CONFLICT ("dedupeKey") DO NOTHING
        RETURNING id::text AS id`;
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
