import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { createSession } from './create-session.ts';

/**
 * Signs in the employee bound to a platform user id (WeCom OAuth, DingTalk 免登). An account
 * that no employee is bound to gets a clear 403: HR binds it by import or directory sync.
 */
export async function createPlatformSession(
  deps: ServiceDeps,
  opts: { platform: 'wecom' | 'dingtalk'; userId: string; method: string; ip?: string; forwardedFor?: string; userAgent?: string },
) {
  const identity = await deps.db.platformIdentity.findUnique({
    where: { platform_userId: { platform: opts.platform, userId: opts.userId } },
    select: { employeeId: true },
  });
  if (!identity) {
    throw new AppError('forbidden', `你的${opts.platform === 'wecom' ? '企业微信' : '钉钉'}账号（${opts.userId}）尚未关联员工档案，请联系人事在名册中填写你的账号`, { reason: 'unknown_user' });
  }
  return createSession(deps, { employeeId: identity.employeeId, platform: opts.platform, method: opts.method, ip: opts.ip, forwardedFor: opts.forwardedFor, userAgent: opts.userAgent });
}
