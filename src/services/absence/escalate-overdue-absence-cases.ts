// No answer from the line manager within the SLA counts as 无法联系 (PRODUCT §E): the case goes
// to HR and the return-to-work notice process starts, decided by 'system'. The run's "now" is
// the end of the as-of day, so chaining `--as-of` dates replays the same sequence.
import { systemActor } from '../../domain/actor.ts';
import { addDays, startOfDayIn } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { decideAbsenceCaseInTx } from './decide-absence-case.ts';

/**
 * @example await escalateOverdueAbsenceCases(deps, { asOf: '2026-10-11' }) // → { escalated: 1, failed: 0 }
 */
export async function escalateOverdueAbsenceCases(deps: ServiceDeps, opts: { asOf: string; log?: Logger; batchSize?: number }): Promise<{ escalated: number; failed: number }> {
  const until = startOfDayIn(deps.businessTz, addDays(opts.asOf, 1));
  const actor = systemActor('job:absence-detection', '系统（超时未答复）');
  const overdue = await deps.db.absenceCase.findMany({
    where: { state: 'OPEN', managerDueAt: { lte: until } },
    select: { id: true },
    orderBy: { managerDueAt: 'asc' },
    take: opts.batchSize ?? 200,
  });
  let escalated = 0;
  let failed = 0;
  for (const { id } of overdue) {
    try {
      const r = await deps.db.$transaction((tx) => decideAbsenceCaseInTx(deps, tx, { actor, caseId: id, decision: 'sla_expired' }));
      if (r.changed) escalated++;
    } catch (error) {
      // One employee whose status moved elsewhere (exited meanwhile) must not stop the others.
      if (!(error instanceof AppError)) throw error;
      failed++;
      opts.log?.warn({ caseId: id, err: error.message }, 'absence case could not be escalated');
    }
  }
  return { escalated, failed };
}
