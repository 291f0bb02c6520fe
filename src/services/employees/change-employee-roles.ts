// The one way to change an employee's roles (four-eyes, src/domain/role-grants.ts): HR managers
// and admins only, never one's own, ADMIN and HR_MANAGER by an admin only, with a reason. The
// roles, the version bump (compare-and-set), the audit event and the card to the HR managers and
// admins commit together.
import { dayIn } from '../../domain/dates.ts';
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { roleChangeProblem, WHO_CHANGES_ROLES } from '../../domain/role-grants.ts';
import { AppError } from '../../errors.ts';
import type { Role } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { replaceRoles } from './employee-relations.ts';
import { employeeInclude, toEmployeeView, type EmployeeView } from './employee-view.ts';
import { queueRolesChangedCard } from './queue-roles-changed-card.ts';

export interface ChangeEmployeeRolesOptions {
  actor: Actor;
  id: string;
  roles: Role[];
  reason: string;
  expectedVersion?: number;
}

/**
 * @example
 *   await changeEmployeeRoles(deps, { actor: hrManager, id, roles: ['EMPLOYEE', 'HR_SPECIALIST'], reason: '接手社保增员业务' });
 */
export async function changeEmployeeRoles(deps: ServiceDeps, o: ChangeEmployeeRolesOptions): Promise<EmployeeView> {
  if (!scopeOf(o.actor, 'employee.changeRoles')) throw new AppError('forbidden', `你无权修改角色：${WHO_CHANGES_ROLES}`);
  const reason = o.reason.trim();
  if (reason.length < 2) throw new AppError('validation_failed', '请填写修改角色的原因（至少 2 个字）');
  const after = [...new Set(o.roles)];
  if (after.length === 0) throw new AppError('validation_failed', '至少保留一个角色（如「员工」）');
  const row = await deps.db.$transaction(async (tx) => {
    const current = await tx.employee.findUnique({ where: { id: o.id }, include: { roles: { select: { role: true } } } });
    if (!current) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
    const before = current.roles.map((r) => r.role);
    const problem = roleChangeProblem(o.actor, { employeeId: current.id, before, after });
    if (problem) throw new AppError('forbidden', problem);
    const same = before.length === after.length && after.every((r) => before.includes(r));
    if (!same) {
      const version = o.expectedVersion ?? current.version;
      if (!(await compareAndSet(tx.employee, { id: current.id, version }, { version: { increment: 1 } }))) {
        throw new AppError('conflict', '该员工记录已被他人修改，请刷新后重试', { expectedVersion: version });
      }
      await replaceRoles(tx, current.id, after);
      const subject = { type: 'employee' as const, id: current.id };
      await writeAuditEvent(tx, o.actor, { type: 'employee.roles_changed', data: { employeeNo: current.employeeNo, before, after, reason, source: 'api' } }, subject);
      await queueRolesChangedCard(deps, tx, { actor: o.actor, subject, changes: [{ name: current.name, employeeNo: current.employeeNo, before, after }], reason });
    }
    return tx.employee.findUniqueOrThrow({ where: { id: current.id }, include: employeeInclude });
  });
  return toEmployeeView(row, deps.cipher, false, dayIn(deps.businessTz, deps.now()));
}
