import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';

/** The employee behind a sandbox user id; unknown ids are a 404 so nothing gets recorded for them. */
export async function requireSandboxUser(deps: ServiceDeps, userId: string): Promise<{ employeeId: string; name: string }> {
  const identity = await deps.db.platformIdentity.findUnique({
    where: { platform_userId: { platform: 'sandbox', userId } },
    select: { employeeId: true, employee: { select: { name: true } } },
  });
  if (!identity) throw new AppError('not_found', `沙箱里没有用户「${userId}」：请从用户列表选择`);
  return { employeeId: identity.employeeId, name: identity.employee.name };
}
