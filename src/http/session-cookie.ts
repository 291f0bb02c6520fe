import { SESSION_TTL_MS } from '../services/sessions/create-session.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import type { AppContext } from './state.ts';

/** HttpOnly, SameSite=Lax, Secure behind https, expiring with the session. */
export function setSessionCookie(ctx: AppContext, token: string): void {
  ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, maxAge: SESSION_TTL_MS, path: '/', overwrite: true });
}
