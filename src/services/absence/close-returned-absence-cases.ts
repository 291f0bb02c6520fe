// An employee who clocks in again while the manager has not answered yet is back: the open case
// is closed (CLOSED, decided by the system) and every copy of its card says so, so the SLA never
// hands a returned employee to HR.
import { systemActor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeAbsenceCaseInTx } from './close-absence-case.ts';

export const ABSENCE_RETURNED_LABEL = '员工已恢复打卡，无需处理';

/** @example await closeReturnedAbsenceCases(deps, { asOf: '2026-10-14' }) // → 1 */
export async function closeReturnedAbsenceCases(deps: ServiceDeps, opts: { asOf: string }): Promise<number> {
  // A valid clock-in after the last day the case looked at, up to the as-of day.
  const returned = await deps.db.$queryRaw<{ id: string; employeeId: string; returnedOn: Date }[]>`
    SELECT c.id::text AS id, c."employeeId"::text AS "employeeId", MIN(a.day) AS "returnedOn"
    FROM "AbsenceCase" c JOIN "AttendanceRecord" a ON a."employeeId" = c."employeeId"
      AND a.day > c."lastCheckedDay" AND a.day <= ${opts.asOf}::date AND NOT ('not_signed' = ANY(a.flags))
    WHERE c.state = 'OPEN'
    GROUP BY c.id LIMIT 500`;
  const actor = systemActor('job:absence-detection', '系统（员工已恢复打卡）');
  let closed = 0;
  for (const r of returned) {
    await deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`absence-case:${r.id}`}, 0))`;
      const ok = await closeAbsenceCaseInTx(deps, tx, {
        caseId: r.id, employeeId: r.employeeId, actor, label: ABSENCE_RETURNED_LABEL,
        event: { type: 'absence.closed', data: { caseId: r.id, reason: 'returned', returnedOn: formatDay(r.returnedOn) as string } },
      });
      if (!ok) return;
      closed++;
    });
  }
  return closed;
}
