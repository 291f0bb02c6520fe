// Who is calling: the admin bearer token, or an H5 session (cookie, or bearer for tools). Wrong
// bearer tokens are counted per client and slowed down (bad-token-guard.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Middleware } from 'koa';
import { adminActor } from '../domain/actor.ts';
import { AppError } from '../errors.ts';
import type { ServiceDeps } from '../services/deps.ts';
import { resolveSession } from '../services/sessions/resolve-session.ts';
import { badTokenGuard } from './bad-token-guard.ts';
import { requestOrigin } from './client-address.ts';
import type { AppState } from './state.ts';

export const SESSION_COOKIE = 'sentinel_session';

/** `devLoginOpen`: no chat platform is configured, so the sandbox's dev-login sessions count. */
export function authenticate(deps: ServiceDeps, adminToken: string, opts: { devLoginOpen: boolean }): Middleware<AppState> {
  const expected = digest(adminToken);
  const guard = badTokenGuard(deps.db);
  return async (ctx, next) => {
    const request = requestOrigin(ctx);
    const bearer = bearerTokenOf(ctx);
    if (bearer) await guard.check(ctx);
    if (bearer && timingSafeEqual(digest(bearer), expected)) {
      ctx.state.actor = { ...adminActor(request.ip, request.userAgent), forwardedFor: request.forwardedFor };
    } else {
      const token = bearer ?? ctx.cookies.get(SESSION_COOKIE);
      if (token) ctx.state.actor = await resolveSession(deps, token, { request, devLoginOpen: opts.devLoginOpen });
      if (bearer && !ctx.state.actor) {
        await guard.fail(ctx);
        throw new AppError('unauthenticated', '令牌无效或会话已过期');
      }
    }
    await next();
  };
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerTokenOf(ctx: { get(field: string): string }): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
}

export function requireActor(ctx: { state: AppState }) {
  if (!ctx.state.actor) throw new AppError('unauthenticated', '请先登录：在企业微信或钉钉中打开本应用，或使用管理员令牌', { header: 'Authorization: Bearer <ADMIN_TOKEN>' });
  return ctx.state.actor;
}

/** Tokens are compared as SHA-256 digests: equal lengths, so the comparison time reveals neither content nor length. */
const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();
