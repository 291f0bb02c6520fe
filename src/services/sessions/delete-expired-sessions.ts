import type { ServiceDeps } from '../deps.ts';

/** Removes sessions that expired before `asOf` (idempotent: a second run finds none). */
export async function deleteExpiredSessions(deps: ServiceDeps, asOf: Date): Promise<number> {
  const { count } = await deps.db.session.deleteMany({ where: { expiresAt: { lt: asOf } } });
  return count;
}
