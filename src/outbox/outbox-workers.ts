// Outbox workers: deliver each job's message; retryable failures go back to pg-boss (exponential
// backoff), the rest and the exhausted ones reach the dead-letter queue, whose handler marks
// the message DEAD for GET /api/v1/outbox/dead-letters. pg-boss claims jobs with SKIP LOCKED,
// so any number of instances may run these workers on one database.
import type { JobResult, PgBoss } from 'pg-boss';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { ChatPlatforms } from '../platforms/create-chat-platforms.ts';
import { isRetryable } from '../platforms/platform-api-error.ts';
import type { FileStore } from '../storage/file-store.ts';
import { deliverOutboxMessage } from './deliver-outbox-message.ts';
import type { DeliveryHook } from './on-delivered.ts';
import { OUTBOX_DEAD_QUEUE, OUTBOX_QUEUE } from './outbox-queues.ts';

export interface OutboxWorkers {
  /**
   * Stops taking jobs and waits up to `timeoutMs` for deliveries in progress; one still running
   * then is retried by pg-boss once its job expires.
   */
  stop(timeoutMs?: number): Promise<void>;
}

interface Job {
  id: string;
  retryCount: number;
  data: { id: string };
}

export async function startOutboxWorkers(opts: {
  boss: PgBoss;
  db: Db;
  platforms: ChatPlatforms;
  log: Logger;
  now?: () => Date;
  /** The file store 'file' messages are read from (deps.files). */
  files?: FileStore;
  /** Domain hooks run when a message is marked SENT (e.g. exitNoticeDeliveryHooks). */
  hooks?: readonly DeliveryHook[];
  /** Workers in this process; each delivers a batch of up to 10 jobs in parallel. */
  concurrency?: number;
}): Promise<OutboxWorkers> {
  const deps = { db: opts.db, platforms: opts.platforms, now: opts.now ?? (() => new Date()), files: opts.files, hooks: opts.hooks };

  const deliver = async (job: Job): Promise<JobResult> => {
    const log = opts.log.child({ outboxMessageId: job.data.id, attempt: job.retryCount + 1 });
    try {
      const outcome = await deliverOutboxMessage(deps, job.data.id);
      log.debug({ outcome }, 'outbox message delivered');
      return { id: job.id, status: 'completed', output: { outcome } };
    } catch (err) {
      const output = { error: (err as Error).message };
      // 'failed' hands the job back to pg-boss for a retry after backoff (or the dead letters
      // once retries are exhausted); 'deadletter' skips the retries that cannot help.
      if (isRetryable(err)) {
        log.warn({ err }, 'outbox delivery failed; will retry with backoff');
        return { id: job.id, status: 'failed', output };
      }
      log.error({ err }, 'outbox delivery failed permanently; message is dead');
      return { id: job.id, status: 'deadletter', output };
    }
  };

  const workIds = [
    [OUTBOX_QUEUE, await opts.boss.work<{ id: string }>(OUTBOX_QUEUE, { pollingIntervalSeconds: 1, batchSize: 10, burstWhenBatchFull: true, localConcurrency: opts.concurrency ?? 2, perJobResults: true }, async (jobs) => Promise.all(jobs.map(deliver)))],
    [OUTBOX_DEAD_QUEUE, await opts.boss.work<{ id: string }>(OUTBOX_DEAD_QUEUE, { pollingIntervalSeconds: 2, batchSize: 10 }, async (jobs) => {
      for (const job of jobs) await markDead(opts.db, job.data.id, opts.log);
    })],
  ] as const;

  return {
    async stop(timeoutMs = 10_000) {
      const stopped = Promise.all(workIds.map(([queue, id]) => opts.boss.offWork(queue, { id, wait: true })));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([stopped, new Promise((ok) => (timer = setTimeout(ok, timeoutMs)))]);
      clearTimeout(timer);
    },
  };
}

async function markDead(db: Db, id: string, log: Logger): Promise<void> {
  const { count } = await db.outboxMessage.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'DEAD' } });
  if (count > 0) log.error({ outboxMessageId: id }, 'outbox message is dead: listed at GET /api/v1/outbox/dead-letters');
}
