import { PgBoss } from 'pg-boss';
import type { Logger } from '../log.ts';
import { ensureOutboxQueues } from './outbox-queues.ts';

export const SUPERVISE_INTERVAL_SECONDS = 10;

export interface OutboxBossOptions {
  databaseUrl: string;
  /** Required: pg-boss emits 'error' events, and an EventEmitter without a listener throws them. */
  log: Pick<Logger, 'info' | 'error'>;
  /** Connections in pg-boss's own pool (the outbox also borrows the caller's transaction). */
  max?: number;
  /** How often jobs whose worker died mid-send are noticed (default 10 s; pg-boss's own is 60 s); tests shorten it. */
  superviseIntervalSeconds?: number;
}

/**
 * What pg-boss reports, logged with message and code only (pg's errors carry the whole client).
 * 57P01 is PostgreSQL shutting down: Ctrl-C reaches embedded PostgreSQL too (one process group),
 * which may close the outbox's connections a moment before the server stops pg-boss. That is
 * part of a clean stop, not an error.
 */
export function bossErrorLogger(log: Pick<Logger, 'info' | 'error'>) {
  return (err: Error & { code?: string }): void => {
    if (err.code === '57P01') log.info({ code: err.code }, 'database shutting down: outbox connection closed');
    else log.error({ code: err.code, message: err.message }, 'pg-boss error (the outbox keeps retrying)');
  };
}

/**
 * Starts pg-boss on the app's database: creates or migrates its `pgboss` schema (under its own
 * advisory lock, so instances may start together) and the outbox queues.
 * The caller stops it (`boss.stop()`) before closing the database.
 */
export async function openOutboxBoss(opts: OutboxBossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    schema: 'pgboss',
    application_name: 'shebao-sentinel-outbox',
    max: opts.max ?? 5,
    // Workers poll every second instead of LISTENing: pg-boss's dedicated LISTEN connection can
    // crash the process when PostgreSQL shuts down first (Ctrl-C also stops embedded PostgreSQL),
    // and polling works behind PgBouncer too.
    useListenNotify: false,
    // Clock ticks belong to node-schedule (jobs/scheduler.ts), not to pg-boss cron.
    schedule: false,
    // Expiry and missed heartbeats are checked in the monitor step of a supervise pass, so both
    // intervals bound how late a killed instance's messages are retried (outbox-queues.ts).
    superviseIntervalSeconds: opts.superviseIntervalSeconds ?? SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: opts.superviseIntervalSeconds ?? SUPERVISE_INTERVAL_SECONDS,
  });
  boss.on('error', bossErrorLogger(opts.log));
  await boss.start();
  try {
    await ensureOutboxQueues(boss);
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  return boss;
}
