// Who is calling: the admin bearer token, or an H5 session (cookie, or bearer for tools). Wrong
// bearer tokens are counted per client and slowed down (bad-token-guard.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { adminActor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { resolveSession } from '../services/sessions/resolve-session.ts';
import { badTokenGuard } from './bad-token-guard.ts';
import type { AppState } from './state.ts';

export const SESSION_COOKIE = 'sentinel_session';

export function authenticate(deps: ServiceDeps, adminToken: string): Middleware<AppState> {
  const expected = digest(adminToken);
  const guard = badTokenGuard(deps.db);
  return async (ctx, next) => {
    const request = { ip: ctx.ip, userAgent: ctx.get('user-agent') || undefined };
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    if (bearer) await guard.check(ctx);
    if (bearer && timingSafeEqual(digest(bearer), expected)) {
      ctx.state.actor = adminActor(request.ip, request.userAgent);
    } else {
      const token = bearer ?? ctx.cookies.get(SESSION_COOKIE);
      if (token) ctx.state.actor = await resolveSession(deps, token, request);
      if (bearer && !ctx.state.actor) {
        await guard.fail(ctx);
        throw new AppError('unauthenticated', '令牌无效或会话已过期');
      }
    }
    await next();
  };
}

export function requireActor(ctx: { state: AppState }) {
  if (!ctx.state.actor) throw new AppError('unauthenticated', '请先登录（H5 会话）或提供管理员令牌 Authorization: Bearer <ADMIN_TOKEN>');
  return ctx.state.actor;
}

/** Tokens are compared as SHA-256 digests: equal lengths, so the comparison time reveals neither content nor length. */
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
