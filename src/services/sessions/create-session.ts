import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../errors.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadEmployeeActor } from './load-employee-actor.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Signs an employee in. Only the token's hash is stored, so a database copy cannot be used
 * to impersonate anyone.
 */
export async function createSession(
  deps: ServiceDeps,
  opts: { employeeId: string; platform: Platform; method: string; ip?: string; forwardedFor?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const actor = await loadEmployeeActor(deps.db, opts.employeeId, { ip: opts.ip, forwardedFor: opts.forwardedFor, userAgent: opts.userAgent });
  if (!actor) throw new AppError('forbidden', '该员工不存在或已离职，不能登录');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.now().getTime() + SESSION_TTL_MS);
  await deps.db.$transaction(async (tx) => {
    await tx.session.create({ data: { id: sessionIdOf(token), employeeId: opts.employeeId, platform: opts.platform, expiresAt } });
    await writeAuditEvent(tx, actor, { type: 'session.created', data: { platform: opts.platform, method: opts.method } }, { type: 'employee', id: opts.employeeId });
  });
  return { token, expiresAt, actor };
}
