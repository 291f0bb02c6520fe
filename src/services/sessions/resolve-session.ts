import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { sessionIdOf } from './create-session.ts';
import { loadEmployeeActor } from './load-employee-actor.ts';

/** The actor behind a session token, or undefined when it is unknown or expired. */
export async function resolveSession(
  deps: ServiceDeps,
  token: string,
  request?: { ip?: string; forwardedFor?: string; userAgent?: string },
): Promise<Actor | undefined> {
  const session = await deps.db.session.findUnique({ where: { id: sessionIdOf(token) } });
  if (!session || session.expiresAt.getTime() <= deps.now().getTime()) return undefined;
  const actor = await loadEmployeeActor(deps.db, session.employeeId, request);
  return actor && { ...actor, platform: session.platform };
}
