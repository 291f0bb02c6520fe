// Slows down token guessing: every wrong bearer token (admin token or session token) counts
// against its client in PostgreSQL. After RATE_LIMITS.badToken.points failures in the window the
// client is refused with 429 for its blockDuration, on every instance, without its token being
// compared at all (that would tell the guesser when they hit). A right token costs one read and
// resets nothing: a caller holding one valid session cannot use it to wipe out its failures.
// Guesses sent at once are compared before the first failure is counted, so a burst can pass the
// limit by its own size once; counting every attempt first would bound that too, but would block
// an honest script with more than `points` requests in flight.
import { RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/client.ts';
import { RATE_LIMITS, createRateLimiter } from './rate-limits.ts';
import { clientKey, tooManyRequests } from './rate-limit.ts';
import type { AppContext } from './state.ts';

const MESSAGE = '令牌错误次数过多';

export interface BadTokenGuard {
  /** Throws the 429 while the client is blocked; call before comparing its token. */
  check(ctx: AppContext): Promise<void>;
  /** Counts one wrong token, blocking the client once it has used up its failures. */
  fail(ctx: AppContext): Promise<void>;
}

export function badTokenGuard(db: Db): BadTokenGuard {
  const failures = createRateLimiter(db, 'badToken');
  const { points, blockDuration } = RATE_LIMITS.badToken;
  return {
    async check(ctx) {
      const seen = await failures.get(clientKey(ctx));
      if (seen && seen.consumedPoints >= points) throw tooManyRequests(ctx, seen.msBeforeNext, MESSAGE);
    },
    async fail(ctx) {
      const key = clientKey(ctx);
      const counted = await failures.consume(key).catch((rejected: unknown) => {
        if (rejected instanceof RateLimiterRes) return rejected;
        throw rejected;
      });
      if (counted.consumedPoints >= points) await failures.block(key, blockDuration);
    },
  };
}
