// Each step of the absence chain (a return notice, the termination request and its approval) recounts the absence
// first (services/absence/recount-absence.ts). When it no longer counts — the employee clocked in
// since, or approved leave brought it under the company's threshold — the step is refused with a
// 409 saying why, and the case closes as RETURNED (自离 → 在职) in its own transaction, so the
// refusal does not roll the closing back.
import { systemActor, type Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import type { Tx } from '../../db/client.ts';
import { isAbsenceNotCounted, requireCountedAbsence } from '../absence/recount-absence.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealExitEvidence } from './exit-evidence.ts';
import { markExitReturnedInTx } from './mark-exit-returned.ts';

/** Inside the step's transaction: throws the 409 when the absence of case `p` no longer counts. */
export async function requireCountedExitAbsence(deps: ServiceDeps, tx: Tx, p: { employeeId: string; firstAbsentOn: Date | null }): Promise<string[]> {
  const today = dayIn(deps.businessTz, deps.now());
  return requireCountedAbsence(tx, { employeeId: p.employeeId, from: formatDay(p.firstAbsentOn) ?? today, asOf: today });
}

/**
 * Runs the step; on the recount's refusal closes the case, then rethrows the refusal.
 * @example return closeCaseWhenAbsenceEnded(deps, processId, () => deps.db.$transaction(…));
 */
export async function closeCaseWhenAbsenceEnded<T>(deps: ServiceDeps, processId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    await closeCaseOnAbsenceRefusal(deps, { processId, error });
    throw error;
  }
}

/**
 * When `error` is the recount's refusal, closes the case as RETURNED in its own transaction;
 * `before` runs first in it (e.g. withdrawing the pending termination approval).
 * @example await closeCaseOnAbsenceRefusal(deps, { processId, error });
 */
export async function closeCaseOnAbsenceRefusal(deps: ServiceDeps, o: { processId: string; error: unknown; before?: (tx: Tx, actor: Actor) => Promise<unknown> }): Promise<void> {
  if (!isAbsenceNotCounted(o.error)) return;
  const note = o.error.message;
  const actor = systemActor('job:absence-recount', '系统（旷工复核）');
  await deps.db.$transaction(async (tx) => {
    await o.before?.(tx, actor);
    await markExitReturnedInTx(deps, tx, { processId: o.processId, actor, source: 'attendance', note });
  });
  await sealExitEvidence(deps);
}
