import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { sessionIdOf } from './create-session.ts';
import { loadEmployeeActor } from './load-employee-actor.ts';

export interface ResolveSessionOptions {
  request?: { ip?: string; forwardedFor?: string; userAgent?: string };
  /**
   * Whether sessions of the sandbox's dev login (platform 'sandbox': anyone could pick anyone)
   * still count. False once WeCom or DingTalk is configured, so a session picked in the sandbox
   * does not outlive it.
   */
  devLoginOpen: boolean;
}

/** The actor behind a session token, or undefined when it is unknown, expired or a closed dev login's. */
export async function resolveSession(deps: ServiceDeps, token: string, opts: ResolveSessionOptions): Promise<Actor | undefined> {
  const session = await deps.db.session.findUnique({ where: { id: sessionIdOf(token) } });
  if (!session || session.expiresAt.getTime() <= deps.now().getTime()) return undefined;
  if (session.platform === 'sandbox' && !opts.devLoginOpen) return undefined;
  const actor = await loadEmployeeActor(deps.db, session.employeeId, opts.request);
  return actor && { ...actor, platform: session.platform };
}
