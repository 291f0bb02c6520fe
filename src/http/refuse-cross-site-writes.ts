// Cross-site request forgery: a page on another site can make the browser POST here with HR's
// session cookie (SameSite=Lax still sends it on top-level form posts, and not every webview
// honours it). Every write that a session cookie authenticates must therefore
//   1. come from this origin: Origin equal to PUBLIC_BASE_URL's (or the request's own) origin,
//      or, without Origin, Sec-Fetch-Site same-origin / none; neither header → refused, since
//      browsers send at least one of them on every cross-origin POST;
//   2. carry the session's CSRF token in X-CSRF-Token (csrf-token.ts), which only our own pages
//      can read.
// Bearer calls (Authorization header: the admin token, tools) are not sent by browsers on their
// own, so they are unaffected; so are the platform callbacks, which live outside /api/v1.
import type { Middleware } from 'koa';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { CSRF_COOKIE, CSRF_HEADER, csrfTokenOf, isCsrfTokenOf } from './csrf-token.ts';
import { setCsrfCookie } from './session-cookie.ts';
import type { AppContext, AppState } from './state.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CROSS_SITE_REFUSED = '跨站请求已拒绝，请从应用内操作';

/** @example api.use(refuseCrossSiteWrites(env.PUBLIC_BASE_URL)) — before the body parser, so a refused body is never read. */
export function refuseCrossSiteWrites(publicBaseUrl: string): Middleware<AppState> {
  const publicOrigin = new URL(publicBaseUrl).origin;
  return async (ctx, next) => {
    const session = ctx.cookies.get(SESSION_COOKIE);
    if (!session || ctx.get('authorization')) return next();
    if (SAFE_METHODS.has(ctx.method)) {
      // Sessions from before the token existed (or a cleared cookie) get it on their next read.
      if (ctx.cookies.get(CSRF_COOKIE) !== csrfTokenOf(session)) setCsrfCookie(ctx, session);
      return next();
    }
    if (!fromThisOrigin(ctx, publicOrigin)) throw new AppError('forbidden', CROSS_SITE_REFUSED, { reason: 'cross_site' });
    if (!isCsrfTokenOf(session, ctx.get(CSRF_HEADER) || undefined)) {
      throw new AppError('forbidden', `${CROSS_SITE_REFUSED}（页面缺少安全令牌，请刷新后重试）`, { reason: 'csrf_token' });
    }
    return next();
  };
}

function fromThisOrigin(ctx: AppContext, publicOrigin: string): boolean {
  const origin = ctx.get('origin');
  const site = ctx.get('sec-fetch-site');
  // Our own origin as the browser addressed it (Host; X-Forwarded-Host only from a trusted proxy):
  // a browser always sends our host, so this admits the same page reached by another name (an IP).
  // (Koa 3's ctx.origin is the Origin header itself, so it is built here.)
  const own = `${ctx.protocol}://${ctx.host}`;
  if (origin && origin !== publicOrigin && origin !== own) return false;
  if (site && site !== 'same-origin' && site !== 'none') return false;
  return Boolean(origin || site);
}
