// Scheduled ticks run as pg-boss jobs (ARCHITECTURE: node-schedule ticks → pg-boss jobs), so a
// tick whose run failed (a database blip, a platform outage) or whose process died mid-run
// (SIGKILL, a deploy) runs again the same day, on whichever instance's worker takes the retry,
// instead of waiting a whole day for the next tick. The JobRun slot still decides which of the
// instances' identical ticks runs (run-job.ts); a retry takes over the slot its attempt left
// unfinished.
import type { PgBoss } from 'pg-boss';
import { ensureQueue, type QueueRetryPolicy } from '../outbox/queue-retry-policy.ts';

export const SCHEDULED_JOB_QUEUE = 'scheduled-job';

export interface ScheduledJobData {
  name: string;
  asOf: string;
  slot: string;
}

export type ScheduledJobPolicy = QueueRetryPolicy;

/**
 * Five retries, each within 1, 2, 4, 8 and 16 minutes of the last (pg-boss backoff, with jitter
 * below each bound): about half an hour in all, so a daily deadline still warns the same
 * morning. A run held by a killed instance is retried within about 30 s plus the first delay.
 */
export const DEFAULT_SCHEDULED_JOB_POLICY: ScheduledJobPolicy = { retryLimit: 5, retryDelay: 60, retryDelayMax: 960, expireInSeconds: 3600, heartbeatSeconds: 20 };

/** Idempotent: creates the queue on a new database, refreshes its settings on an old one. */
export async function ensureScheduledJobQueue(boss: PgBoss, policy: ScheduledJobPolicy = DEFAULT_SCHEDULED_JOB_POLICY): Promise<void> {
  await ensureQueue(boss, SCHEDULED_JOB_QUEUE, policy);
}
