import { randomUUID } from 'node:crypto';
import { systemActor } from '../domain/actor.ts';
import { parseDay } from '../domain/dates.ts';
import type { Logger } from '../log.ts';
import { writeAuditEvent } from '../services/audit/write-audit-event.ts';
import type { ServiceDeps } from '../services/deps.ts';
import type { JobDefinition } from './job-definition.ts';

export interface RunJobOptions {
  asOf: string;
  trigger: 'schedule' | 'cli';
  /** Scheduled ticks pass their tick time: the first instance to claim it runs, others skip. */
  slot?: string;
  /** A retried tick (its earlier attempt failed or its process died): runs if that attempt left the slot unfinished. */
  takeOver?: boolean;
  log: Logger;
}

/** Runs one job once, records it in JobRun and the audit log; undefined when another instance holds the slot. */
export async function runJob(deps: ServiceDeps, job: JobDefinition, opts: RunJobOptions): Promise<string | undefined> {
  const slot = opts.slot ?? `${opts.trigger}:${randomUUID()}`;
  const claimed = await deps.db.jobRun.createMany({
    data: [{ name: job.name, asOf: parseDay(opts.asOf), trigger: opts.trigger, slot }],
    skipDuplicates: true,
  });
  if (claimed.count === 0 && !(opts.takeOver && (await takeOverSlot(deps, job.name, slot)))) return undefined;
  const log = opts.log.child({ job: job.name, asOf: opts.asOf });
  const summary = await job.run({ deps, asOf: opts.asOf, log });
  await deps.db.$transaction(async (tx) => {
    await tx.jobRun.update({ where: { name_slot: { name: job.name, slot } }, data: { summary, finishedAt: deps.now() } });
    await writeAuditEvent(tx, systemActor(`job:${job.name}`), { type: 'job.ran', data: { name: job.name, asOf: opts.asOf, summary } }, { type: 'job', id: job.name });
  });
  log.info({ summary }, 'job finished');
  return summary;
}

/** Restarts an unfinished slot's clock; false when its run finished (then there is nothing to redo). */
async function takeOverSlot(deps: ServiceDeps, name: string, slot: string): Promise<boolean> {
  const { count } = await deps.db.jobRun.updateMany({ where: { name, slot, finishedAt: null }, data: { startedAt: deps.now() } });
  return count === 1;
}
