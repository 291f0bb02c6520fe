// The HTTP side of the per-client limits: which address a client is, and the Chinese 429 with
// Retry-After that every refusal answers.
import type { Middleware } from 'koa';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';
import type { AppContext, AppState } from './state.ts';

/** The client a limit counts: the request's address (Koa's ctx.ip, proxy headers as app.ts trusts them). */
export const clientKey = (ctx: AppContext): string => ctx.ip || 'unknown';

/**
 * Counts this request against `limiter` for its client; over the limit, a 429 and nothing else
 * runs: the body stays unread and the connection closes after the answer.
 */
export function rateLimit(limiter: RateLimiterAbstract): Middleware<AppState> {
  return async (ctx, next) => {
    try {
      await limiter.consume(clientKey(ctx));
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) throw rejected;
      ctx.set('Connection', 'close');
      throw tooManyRequests(ctx, rejected.msBeforeNext);
    }
    await next();
  };
}

/** Sets Retry-After and returns the 429 to throw: "请求过于频繁，请 N 秒后再试". */
export function tooManyRequests(ctx: AppContext, msBeforeNext: number, message = '请求过于频繁'): AppError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  ctx.set('Retry-After', String(seconds));
  return new AppError('too_many_requests', `${message}，请 ${waitText(seconds)}后再试`);
}

function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
