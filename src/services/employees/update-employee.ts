import type { Actor } from '../../domain/actor.ts';
import { dayIn, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { identityChangeProblem } from '../../domain/role-grants.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { contractColumns } from './contract-columns.ts';
import type { UpdateEmployeeInput } from './employee-input.ts';
import { assertPersonalDataFree, ensureDepartment, replaceIdentities, resolveManagerId } from './employee-relations.ts';
import { employeeInclude, toEmployeeView, type EmployeeView } from './employee-view.ts';
import { identityColumns } from './identity-columns.ts';
import { sealPersonalData } from './seal-personal-data.ts';

export const ROLES_ELSEWHERE = '角色不能在修改员工信息时一并修改：请使用「修改角色」（需填写原因，由管理员或人事经理办理，任何人不能修改自己的角色）。本次未做任何修改';

/**
 * Edits an employee's record (not the status: that goes through transitionEmployeeStatus; not
 * the roles: changeEmployeeRoles).
 * `expectedVersion`, when given, must match, so two HR people cannot overwrite each other.
 */
export async function updateEmployee(
  deps: ServiceDeps,
  opts: { actor: Actor; id: string; input: UpdateEmployeeInput; expectedVersion?: number },
): Promise<EmployeeView> {
  authorize(opts.actor, 'employee.update');
  const { input, actor } = opts;
  const today = dayIn(deps.businessTz, deps.now());
  if (input.roles !== undefined) throw new AppError('bad_request', ROLES_ELSEWHERE);
  const sealed = sealPersonalData(deps.cipher, input);
  const row = await deps.db.$transaction(async (tx) => {
    const current = await tx.employee.findUnique({ where: { id: opts.id } });
    if (!current) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
    if (input.identities) {
      const roles = await tx.roleAssignment.findMany({ where: { employeeId: current.id }, select: { role: true } });
      const problem = identityChangeProblem(actor, roles.map((r) => r.role));
      if (problem) throw new AppError('forbidden', problem);
    }
    const version = opts.expectedVersion ?? current.version;
    await assertPersonalDataFree(tx, sealed, current.id);
    const data = {
      name: input.name,
      ...sealed,
      ...identityColumns(input, current, today),
      retirementCategory: input.retirementCategory,
      startDate: input.startDate ? parseDay(input.startDate) : undefined,
      exitDate: input.exitDate === undefined ? undefined : input.exitDate && parseDay(input.exitDate),
      enrolledOn: input.enrolledOn === undefined ? undefined : input.enrolledOn && parseDay(input.enrolledOn),
      position: input.position,
      departmentId: input.department ? await ensureDepartment(tx, input.department) : undefined,
      managerId: await resolveManagerId(tx, input.managerEmployeeNo, current.employeeNo),
      insuredCity: input.insuredCity,
      previousInsuredCity: input.previousInsuredCity,
      hukouProvince: input.hukouProvince,
      contractEntity: input.contractEntity,
      monthlyWageFen: input.monthlyWage,
      ...contractColumns(input, current),
      version: { increment: 1 },
    };
    if (!(await compareAndSet(tx.employee, { id: current.id, version }, data))) {
      throw new AppError('conflict', '该员工记录已被他人修改，请刷新后重试', { expectedVersion: version });
    }
    if (input.identities) await replaceIdentities(tx, current.id, input.identities);
    await writeAuditEvent(tx, actor, { type: 'employee.updated', data: { employeeNo: current.employeeNo, fields: Object.keys(input), source: 'api' } }, { type: 'employee', id: current.id });
    return tx.employee.findUniqueOrThrow({ where: { id: current.id }, include: employeeInclude });
  });
  return toEmployeeView(row, deps.cipher, false, today);
}
