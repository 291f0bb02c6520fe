import type { ServiceDeps } from '../deps.ts';

/** Removes rate-limit counters whose window or block ended before `now` (idempotent). */
export async function deleteExpiredRateLimits(deps: Pick<ServiceDeps, 'db'>, now: Date): Promise<number> {
  const { count } = await deps.db.rateLimitBucket.deleteMany({ where: { expire: { lt: now } } });
  return count;
}
