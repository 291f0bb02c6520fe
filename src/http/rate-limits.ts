// Per-client limits on the endpoints anyone can reach without an account. The counters live in
// PostgreSQL (table RateLimitBucket, rate-limiter-flexible's Prisma store: one atomic upsert per
// request), so a limit holds however many instances share the database. The numbers are code
// constants on purpose: an operator under attack should not need to find a setting.
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';

export interface RateLimit {
  /** Requests (or failures) allowed per client in one window. */
  points: number;
  /** The window, in seconds, from the client's first request in it. */
  duration: number;
  /** Once blocked, the client is refused this many seconds (default: the rest of the window). */
  blockDuration?: number;
}

export const RATE_LIMITS = {
  /**
   * POST /evidence/verify: checking a document or a pack is a handful of uploads for a person (an
   * arbitrator with a case pack and its PDFs); a flood of 50 MB uploads is not.
   */
  verify: { points: 20, duration: 10 * 60 },
  /**
   * Every H5 sign-in path together (WeCom OAuth callback, DingTalk 免登, the sandbox dev login).
   * Generous, because a whole office may sign in from one NAT address around 9:00.
   */
  login: { points: 60, duration: 60 },
  /**
   * Wrong bearer tokens (admin token or session token) per client (bad-token-guard.ts): after 10
   * in 15 minutes, every bearer request of that client is refused, unchecked, for 15 minutes. The
   * tokens are random (24+ characters, sessions 32 bytes), so this bounds the load of guessing.
   */
  badToken: { points: 10, duration: 15 * 60, blockDuration: 15 * 60 },
} as const satisfies Record<string, RateLimit>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * The limiter named `name` over the shared table. Expired rows are deleted by the session-cleanup
 * job, not by a timer in every process.
 * @example const verify = createRateLimiter(deps.db, 'verify'); await verify.consume(ctx.ip);
 */
export function createRateLimiter(db: Db, name: RateLimitName): RateLimiterPrisma {
  return new RateLimiterPrisma({ storeClient: db, tableName: 'rateLimitBucket', keyPrefix: name, ...RATE_LIMITS[name], clearExpiredByTimeout: false });
}
