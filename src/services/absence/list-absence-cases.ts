// Absence cases for HR (all) and managers (their team), newest first.
import type { Actor } from '../../domain/actor.ts';
import type { AbsenceCaseView } from '../../domain/attendance/absence-case-view.ts';
import { formatDateTime, formatDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';
import { findTeamIds } from '../employees/find-team-ids.ts';

export type { AbsenceCaseView };

/** @example await listAbsenceCases(deps, { actor, state: 'OPEN' }) */
export async function listAbsenceCases(deps: ServiceDeps, opts: { actor: Actor; state?: string }): Promise<AbsenceCaseView[]> {
  const scope = authorize(opts.actor, 'attendance.read');
  const visible = scope === 'all' ? undefined : opts.actor.kind === 'employee' && scope === 'team' ? await findTeamIds(deps.db, opts.actor.id) : [];
  const rows = await deps.db.absenceCase.findMany({
    where: { ...(opts.state && { state: opts.state }), ...(visible && { employeeId: { in: visible } }) },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  return absenceCaseViews(deps, rows);
}

type AbsenceCaseRow = Awaited<ReturnType<ServiceDeps['db']['absenceCase']['findMany']>>[number];

/** Rows as the H5 and the API show them: the employee by name, times in BUSINESS_TZ. */
export async function absenceCaseViews(deps: ServiceDeps, rows: AbsenceCaseRow[]): Promise<AbsenceCaseView[]> {
  const employees = await deps.db.employee.findMany({ where: { id: { in: rows.map((r) => r.employeeId) } }, select: { id: true, name: true, employeeNo: true } });
  const byId = new Map(employees.map((e) => [e.id, e]));
  return rows.map((r) => ({
    id: r.id,
    employee: byId.get(r.employeeId) ?? { id: r.employeeId, name: '—', employeeNo: '—' },
    trigger: r.trigger,
    state: r.state,
    firstAbsentDay: formatDay(r.firstAbsentDay) as string,
    absentDays: r.absentDays,
    days: r.days,
    managerDueAt: formatDateTime(deps.businessTz, r.managerDueAt),
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt ? formatDateTime(deps.businessTz, r.decidedAt) : null,
    note: r.note,
  }));
}
