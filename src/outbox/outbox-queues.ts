// The two pg-boss queues behind the outbox and how hard they try.
import type { PgBoss } from 'pg-boss';
import { ensureQueue, type QueueRetryPolicy } from './queue-retry-policy.ts';

export const OUTBOX_QUEUE = 'outbox';
/** Jobs land here when retries are exhausted or the error cannot be fixed by retrying. */
export const OUTBOX_DEAD_QUEUE = 'outbox-dead';

export type OutboxRetryPolicy = QueueRetryPolicy;

/**
 * About 2 hours of retries (5 s, 10 s, 20 s … capped at 1 h) before a message is dead; a message
 * held by a killed instance is retried within about 35 s. A retry never doubles a send: delivery
 * checks the row's status and the platform's own key (deliver-outbox-message.ts).
 */
export const DEFAULT_RETRY_POLICY: OutboxRetryPolicy = { retryLimit: 10, retryDelay: 5, retryDelayMax: 3600, expireInSeconds: 300, heartbeatSeconds: 20 };

/** Idempotent: creates the queues on a new database, refreshes their settings on an old one. */
export async function ensureOutboxQueues(boss: PgBoss, policy: OutboxRetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  await boss.createQueue(OUTBOX_DEAD_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  await ensureQueue(boss, OUTBOX_QUEUE, policy, { deadLetter: OUTBOX_DEAD_QUEUE, notify: false });
}
