import { SESSION_TTL_MS } from '../services/sessions/create-session.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { CSRF_COOKIE, csrfTokenOf } from './csrf-token.ts';
import type { AppContext } from './state.ts';

/**
 * The session cookie (HttpOnly, SameSite=Lax, Secure behind https, expiring with the session) and
 * beside it the CSRF token the H5 echoes in X-CSRF-Token (readable by script, so not HttpOnly).
 */
export function setSessionCookie(ctx: AppContext, token: string): void {
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, maxAge: SESSION_TTL_MS, path: '/', overwrite: true });
  setCsrfCookie(ctx, token);
}

export function setCsrfCookie(ctx: AppContext, sessionToken: string): void {
  ctx.cookies.set(CSRF_COOKIE, csrfTokenOf(sessionToken), { httpOnly: false, sameSite: 'lax', secure: ctx.secure, maxAge: SESSION_TTL_MS, path: '/', overwrite: true });
}

export function clearSessionCookies(ctx: AppContext): void {
  ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
  ctx.cookies.set(CSRF_COOKIE, null, { path: '/' });
}
