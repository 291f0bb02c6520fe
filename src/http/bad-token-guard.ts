// Slows down token guessing. Every bearer attempt (admin token or session token) is counted
// against its client in PostgreSQL *before* the token is compared, and handed back when the token
// was right, so what remains are the failures. Counting first keeps the bound under concurrency:
// a burst of guesses sent at once cannot all be compared before the first is counted. Past
// RATE_LIMITS.badToken.points the client is refused with 429 for its blockDuration, on every
// instance, without its token being compared at all (that would tell the guesser when they hit).
// A right token only returns its own point: a caller holding one valid session cannot use it to
// wipe out its failures while guessing the admin token.
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { createRateLimiter } from './rate-limits.ts';
import { clientKey, tooManyRequests } from './rate-limit.ts';
import type { AppContext } from './state.ts';

export interface BearerAttempt {
  /** The token was right: this attempt is not a failure. */
  succeeded(): Promise<void>;
}

/** @example const attempt = await guard.attempt(ctx); if (tokenIsRight) await attempt.succeeded(); */
export function badTokenGuard(db: Db): { attempt(ctx: AppContext): Promise<BearerAttempt> } {
  const failures = createRateLimiter(db, 'badToken');
  return {
    async attempt(ctx) {
      const key = clientKey(ctx);
      try {
        await failures.consume(key);
      } catch (rejected) {
        if (rejected instanceof RateLimiterRes) throw tooManyRequests(ctx, rejected.msBeforeNext, '令牌错误次数过多');
        throw rejected;
      }
      return { succeeded: async () => void (await failures.reward(key, 1)) };
    },
  };
}
