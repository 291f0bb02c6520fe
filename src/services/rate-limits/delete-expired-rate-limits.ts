import type { ServiceDeps } from '../deps.ts';

/** The longest per-member window any chat platform counts (WeCom: 1000 messages an hour). */
const MEMBER_WINDOW_MS = 3_600_000;

/**
 * Removes rate-limit counters whose window or block ended before `now`, and per-member send logs
 * idle for longer than the longest window (idempotent).
 */
export async function deleteExpiredRateLimits(deps: Pick<ServiceDeps, 'db'>, now: Date): Promise<number> {
  const { count } = await deps.db.rateLimitBucket.deleteMany({ where: { expire: { lt: now } } });
  const members = await deps.db.memberRateLimit.deleteMany({ where: { lastSentAt: { lt: new Date(now.getTime() - MEMBER_WINDOW_MS) } } });
  return count + members.count;
}
