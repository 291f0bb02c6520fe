// The two pg-boss queues behind the outbox and how hard they try.
import type { PgBoss } from 'pg-boss';

export const OUTBOX_QUEUE = 'outbox';
/** Jobs land here when retries are exhausted or the error cannot be fixed by retrying. */
export const OUTBOX_DEAD_QUEUE = 'outbox-dead';

export interface OutboxRetryPolicy {
  retryLimit: number;
  /** Seconds before the first retry; doubles each time (with jitter) up to retryDelayMax. */
  retryDelay: number;
  retryDelayMax: number;
  /** The longest one delivery may run, even with a live worker, before it is retried. */
  expireInSeconds: number;
  /**
   * A live worker refreshes its jobs every half of this (pg-boss heartbeat); a job not refreshed
   * for this long belonged to a process that died (SIGKILL, crash) and is retried, within about
   * this plus the supervise interval (open-outbox-boss.ts) plus retryDelay, instead of after
   * expireInSeconds. pg-boss's minimum is 10.
   */
  heartbeatSeconds: number;
}

/**
 * About 2 hours of retries (5 s, 10 s, 20 s … capped at 1 h) before a message is dead; a message
 * held by a killed instance is retried within about 35 s. A retry never doubles a send: delivery
 * checks the row's status and the platform's own key (deliver-outbox-message.ts).
 */
export const DEFAULT_RETRY_POLICY: OutboxRetryPolicy = { retryLimit: 10, retryDelay: 5, retryDelayMax: 3600, expireInSeconds: 300, heartbeatSeconds: 20 };

/** Idempotent: creates the queues on a new database, refreshes their settings on an old one. */
export async function ensureOutboxQueues(boss: PgBoss, policy: OutboxRetryPolicy = DEFAULT_RETRY_POLICY): Promise<void> {
  await boss.createQueue(OUTBOX_DEAD_QUEUE, { retryLimit: 5, retryDelay: 5, retryBackoff: true });
  const options = { ...policy, retryBackoff: true, deadLetter: OUTBOX_DEAD_QUEUE, notify: false };
  await boss.createQueue(OUTBOX_QUEUE, options);
  await boss.updateQueue(OUTBOX_QUEUE, options);
}
