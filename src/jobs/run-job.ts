import { randomUUID } from 'node:crypto';
import { systemActor } from '../domain/actor.ts';
import type { Logger } from '../log.ts';
import { writeAuditEvent } from '../services/audit/write-audit-event.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { JobDefinition } from './job-definition.ts';
import { beatSlot, claimSlot, releaseSlot, SLOT_LIVENESS, takeOverSlot, type SlotKey, type SlotLiveness } from './job-run-slot.ts';

export interface RunJobOptions {
  asOf: string;
  trigger: 'schedule' | 'cli';
  /**
   * Scheduled ticks pass their tick time, `job run --once` its day: the first instance to claim it
   * runs, others skip, unless the run that claimed it failed or died unfinished (job-run-slot.ts).
   */
  slot?: string;
  /** A retried tick (its earlier attempt failed or its process died): takes over the slot that attempt left unfinished at once. */
  takeOver?: boolean;
  /** Tests shorten the heartbeat; the default notices a dead run within a minute. */
  liveness?: SlotLiveness;
  log: Logger;
}

/** Runs one job once, records it in JobRun and the audit log; undefined when another run holds or finished the slot. */
export async function runJob(deps: ServiceDeps, job: JobDefinition, opts: RunJobOptions): Promise<string | undefined> {
  const key: SlotKey = { name: job.name, slot: opts.slot ?? `${opts.trigger}:${randomUUID()}` };
  const liveness = opts.liveness ?? SLOT_LIVENESS;
  const claimed = (await claimSlot(deps.db, key, { asOf: opts.asOf, trigger: opts.trigger }))
    || (await takeOverSlot(deps.db, key, { staleAfterMs: liveness.staleAfterMs, force: opts.takeOver }));
  if (!claimed) return undefined;
  const log = opts.log.child({ job: job.name, asOf: opts.asOf });
  const stopBeating = keepSlotAlive(deps, key, liveness.heartbeatMs, log);
  let summary: string;
  try {
    summary = await job.run({ deps, asOf: opts.asOf, log });
  } catch (error) {
    // Stopped first, so no late renewal revives the slot after it was given up.
    await stopBeating();
    await releaseSlot(deps.db, key).catch(() => {}); // a database that is away lets the heartbeat go stale instead
    throw error;
  }
  await stopBeating();
  await deps.db.$transaction(async (tx) => {
    await tx.jobRun.update({ where: { name_slot: key }, data: { summary, finishedAt: deps.now() } });
    await writeAuditEvent(tx, systemActor(`job:${job.name}`), { type: 'job.ran', data: { name: job.name, asOf: opts.asOf, summary } }, { type: 'job', id: job.name });
  });
  log.info({ summary }, 'job finished');
  return summary;
}

/** Renews the slot's heartbeat until stopped (the stop waits for a renewal in flight); a renewal still waiting on the database skips the next. */
function keepSlotAlive(deps: ServiceDeps, key: SlotKey, everyMs: number, log: Logger): () => Promise<void> {
  let beating: Promise<void> | undefined;
  const timer = setInterval(() => {
    beating ??= beatSlot(deps.db, key)
      .catch((error: unknown) => log.warn({ err: error }, 'renewing the job run heartbeat failed'))
      .finally(() => { beating = undefined; });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await beating;
  };
}
