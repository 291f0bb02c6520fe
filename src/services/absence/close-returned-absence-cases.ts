// An employee who clocks in again while the manager has not answered yet is back: the open case
// is closed (CLOSED, decided by the system) and every copy of its card says so, so the SLA never
// hands a returned employee to HR.
import { systemActor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidedColumns, queueCardUpdates } from '../onboarding/close-cards.ts';

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
      const now = deps.now();
      if (!(await compareAndSet(tx.absenceCase, { id: r.id, state: 'OPEN' }, { state: 'CLOSED', decidedById: actor.id, decidedByName: actor.name, decidedAt: now, version: { increment: 1 } }))) return;
      const decision = { actor, actionId: 'absence.returned', decided: { label: ABSENCE_RETURNED_LABEL, byName: '系统', at: now.toISOString() } };
      const cards = await tx.cardInstance.findMany({ where: { subjectType: 'absence_case', subjectId: r.id, state: 'OPEN' } });
      const updates = [];
      for (const card of cards) {
        const own = decidedColumns(card, decision);
        if (await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, own.data)) updates.push({ card, model: own.model });
      }
      await queueCardUpdates(deps, tx, updates);
      await writeAuditEvent(tx, actor, { type: 'absence.closed', data: { caseId: r.id, reason: 'returned', returnedOn: formatDay(r.returnedOn) as string } }, { type: 'employee', id: r.employeeId });
      closed++;
    });
  }
  return closed;
}
