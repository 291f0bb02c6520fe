// How hard pg-boss tries one queue's jobs: the outbox's deliveries (outbox-queues.ts) and the
// scheduled ticks (jobs/scheduled-job-queue.ts) both set theirs through here.
import type { PgBoss } from 'pg-boss';

export interface QueueRetryPolicy {
  retryLimit: number;
  /** Seconds before the first retry; doubles each time (with jitter) up to retryDelayMax. */
  retryDelay: number;
  retryDelayMax: number;
  /** The longest one job may run, even with a live worker, before it is retried. */
  expireInSeconds: number;
  /**
   * A live worker refreshes its jobs every half of this (pg-boss heartbeat); a job not refreshed
   * for this long belonged to a process that died (SIGKILL, crash) and is retried, within about
   * this plus the supervise interval (open-outbox-boss.ts) plus retryDelay, instead of after
   * expireInSeconds. pg-boss's minimum is 10.
   */
  heartbeatSeconds: number;
}

/** Idempotent: creates the queue on a new database, refreshes its settings on an old one (backoff on). */
export async function ensureQueue(boss: PgBoss, name: string, policy: QueueRetryPolicy, extra: { deadLetter?: string; notify?: boolean } = {}): Promise<void> {
  const options = { ...policy, retryBackoff: true, ...extra };
  await boss.createQueue(name, options);
  await boss.updateQueue(name, options);
}
