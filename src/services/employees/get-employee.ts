import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize, scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { employeeInclude, toEmployeeView, type EmployeeView } from './employee-view.ts';
import { visibleEmployeeFilter } from './visible-employee-filter.ts';

/**
 * One employee as the actor may see them. Callers allowed to read personal data in full
 * get it unmasked, and that read is written to the audit log.
 */
export async function getEmployee(deps: ServiceDeps, opts: { actor: Actor; id: string }): Promise<EmployeeView> {
  const { db, cipher } = deps;
  const scope = authorize(opts.actor, 'employee.read');
  const visible = await visibleEmployeeFilter(db, opts.actor, scope);
  const row = await db.employee.findFirst({ where: { AND: [{ id: opts.id }, visible] }, include: employeeInclude });
  if (!row) throw new AppError('not_found', '找不到这位员工，或你无权查看；请从名单中重新打开');
  const revealScope = scopeOf(opts.actor, 'employee.readPersonalData');
  // A 'team' grant would still be per-person; no role has one, so 'self' and 'all' suffice.
  const reveal = revealScope === 'all' || (revealScope !== undefined && opts.actor.id === row.id);
  const fields = [...(row.idNumberEnc ? (['idNumber'] as const) : []), ...(row.mobileEnc ? (['mobile'] as const) : [])];
  if (reveal && fields.length > 0) {
    await db.$transaction((tx) =>
      writeAuditEvent(tx, opts.actor, { type: 'employee.personal_data_read', data: { employeeNo: row.employeeNo, fields: [...fields], purpose: 'employee detail' } }, { type: 'employee', id: row.id }),
    );
  }
  return toEmployeeView(row, cipher, reveal, dayIn(deps.businessTz, deps.now()));
}
