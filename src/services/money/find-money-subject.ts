// The employee a back-pay or exposure is about, by id (API) or 工号 (CLI), if the actor may see
// their money: HR and finance anyone's, an employee only their own (the permission 'money.read').
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';

export type EmployeeRef = { employeeId: string } | { employeeNo: string };

/** @example const e = await findMoneySubject(deps, actor, { employeeNo: 'E0001' }); */
export async function findMoneySubject(deps: Pick<ServiceDeps, 'db'>, actor: Actor, ref: EmployeeRef) {
  const scope = authorize(actor, 'money.read');
  const employee = await deps.db.employee.findUnique({
    where: 'employeeId' in ref ? { id: ref.employeeId } : { employeeNo: ref.employeeNo },
    select: { id: true, employeeNo: true, name: true, startDate: true, exitDate: true, enrolledOn: true, insuredCity: true, monthlyWageFen: true },
  });
  // Someone else's record is answered like a missing one: no hint that it exists.
  if (!employee || (scope === 'self' && employee.id !== actor.id)) {
    throw new AppError('not_found', 'employeeNo' in ref ? `找不到工号为 ${ref.employeeNo} 的员工，请核对工号` : '找不到该员工，请核对后重试', { field: 'employee' });
  }
  return employee;
}
