import type { Actor } from '../../domain/actor.ts';
import { statusLabels } from '../../domain/lifecycle.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { StatusChangeView } from '../../domain/views/employees.ts';
import type { ServiceDeps } from '../deps.ts';
import { visibleEmployeeFilter } from './visible-employee-filter.ts';

/** Every lifecycle change of one employee, oldest first. */
export async function listStatusHistory(deps: ServiceDeps, opts: { actor: Actor; id: string }): Promise<StatusChangeView[]> {
  const scope = authorize(opts.actor, 'employee.read');
  const visible = await visibleEmployeeFilter(deps.db, opts.actor, scope);
  const employee = await deps.db.employee.findFirst({ where: { AND: [{ id: opts.id }, visible] }, select: { id: true } });
  if (!employee) throw new AppError('not_found', '找不到这位员工，或你无权查看；请从名单中重新打开');
  const rows = await deps.db.statusChange.findMany({ where: { employeeId: employee.id }, orderBy: { at: 'asc' } });
  return rows.map((r) => ({
    from: r.fromStatus,
    to: r.toStatus,
    label: `${r.fromStatus ? statusLabels[r.fromStatus] : '—'} → ${statusLabels[r.toStatus]}`,
    reason: r.reason,
    actor: { id: r.actorId, name: r.actorName },
    at: r.at.toISOString(),
  }));
}
