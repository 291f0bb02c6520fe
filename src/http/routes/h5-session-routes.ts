// H5 sign-in. Until a chat platform is configured, a dev login lets anyone pick a demo user;
// the platform logins (WeCom OAuth, DingTalk 免登) replace it once one is.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getMyProfile } from '../../services/profile/get-my-profile.ts';
import { listDemoUsers } from '../../services/profile/list-demo-users.ts';
import { createSession } from '../../services/sessions/create-session.ts';
import { endSession } from '../../services/sessions/end-session.ts';
import { defineRoute } from '../api-route.ts';
import { SESSION_COOKIE, bearerTokenOf } from '../authenticate.ts';
import { requestOrigin } from '../client-address.ts';
import { rateLimit } from '../rate-limit.ts';
import { createRateLimiter } from '../rate-limits.ts';
import { clearSessionCookies, setSessionCookie } from '../session-cookie.ts';

export function h5SessionRoutes(deps: ServiceDeps, opts: { devLogin: boolean; platforms: string[] }) {
  const requireDevLogin = () => {
    if (!opts.devLogin) throw new AppError('forbidden', '已配置企业微信或钉钉，开发登录已关闭；请从工作台打开应用');
  };
  return [
    defineRoute({
      method: 'get', path: '/h5/login-options', tag: 'h5', auth: false, roles: 'anyone',
      summary: 'How to sign in here: dev login (with the demo users) or the configured platforms',
      handler: async () => ({ devLogin: opts.devLogin, platforms: opts.platforms, users: opts.devLogin ? await listDemoUsers(deps) : [] }),
    }),
    defineRoute({
      method: 'post', path: '/h5/dev-login', tag: 'h5', auth: false, roles: 'anyone, only while no chat platform is configured',
      body: z.object({ employeeId: z.uuid() }).strict(),
      summary: 'Sign in as a demo user (sandbox only). Rate-limited per client with the other sign-ins (429 + Retry-After)',
      middleware: [rateLimit(createRateLimiter(deps.db, 'login'))],
      handler: async ({ body, ctx }) => {
        requireDevLogin();
        const session = await createSession(deps, { employeeId: body.employeeId, platform: 'sandbox', method: 'dev-login', ...requestOrigin(ctx) });
        setSessionCookie(ctx, session.token);
        return { name: session.actor.name, roles: session.actor.roles, expiresAt: session.expiresAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'post', path: '/h5/logout', tag: 'h5', auth: false, roles: 'anyone',
      summary: 'End the H5 session, whether presented as the cookie or as a bearer token',
      handler: async ({ ctx }) => {
        for (const token of new Set([bearerTokenOf(ctx), ctx.cookies.get(SESSION_COOKIE)])) if (token) await endSession(deps, token);
        clearSessionCookies(ctx);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/h5/me', tag: 'h5', roles: 'any signed-in employee',
      summary: 'The signed-in employee: own record (ID number masked) and roles',
      handler: ({ actor }) => getMyProfile(deps, { actor }),
    }),
  ];
}
