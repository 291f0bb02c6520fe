import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { roleLabels } from '../../domain/role-labels.ts';
import type { MeResponse } from '../../domain/views/session.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { employeeInclude, toEmployeeView } from '../employees/employee-view.ts';

export { roleLabels };

/** The signed-in employee's own record for the H5 "我的" page; personal data stays masked. */
export async function getMyProfile(deps: ServiceDeps, opts: { actor: Actor }): Promise<MeResponse> {
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '“我的”页面需要以员工身份登录');
  const row = await deps.db.employee.findUnique({ where: { id: opts.actor.id }, include: employeeInclude });
  if (!row) throw new AppError('not_found', '找不到你的员工档案');
  return {
    employee: toEmployeeView(row, deps.cipher, false, dayIn(deps.businessTz, deps.now())),
    roles: opts.actor.roles.map((role) => ({ role, label: roleLabels[role] })),
  };
}
