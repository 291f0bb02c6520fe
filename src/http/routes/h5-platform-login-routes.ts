// Platform sign-in for the H5: WeCom OAuth (snsapi_base redirect → code → userid) and DingTalk
// 免登 (dd.requestAuthCode → code → userid), plus the WeCom JS-SDK signature.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Env } from '../../config.ts';
import { AppError } from '../../errors.ts';
import type { PlatformClients } from '../../platforms/create-chat-platforms.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { createPlatformSession } from '../../services/sessions/create-platform-session.ts';
import { defineRoute } from '../api-route.ts';
import { rateLimit } from '../rate-limit.ts';
import { createRateLimiter } from '../rate-limits.ts';
import { requestOrigin } from '../client-address.ts';
import { setSessionCookie } from '../session-cookie.ts';

const STATE_COOKIE = 'sentinel_oauth_state';
/** Only in-app paths: an open redirect would let anyone bounce a signed-in user elsewhere. */
const appPath = z.string().regex(/^\/app\/[\w\-/]*$/).catch('/app/me');

export function h5PlatformLoginRoutes(deps: ServiceDeps, env: Env, clients: PlatformClients) {
  const wecom = () => clients.wecom ?? fail('企业微信未配置');
  const dingtalk = () => clients.dingtalk ?? fail('钉钉未配置');
  /** Every sign-in path shares one per-client budget (RATE_LIMITS.login). */
  const loginLimit = rateLimit(createRateLimiter(deps.db, 'login'));
  return [
    defineRoute({
      method: 'get', path: '/h5/wecom/authorize', tag: 'h5', auth: false, status: 302, roles: 'anyone (WeCom configured)',
      query: z.object({ redirect: appPath.optional() }), summary: 'Start WeCom OAuth (snsapi_base)',
      handler: async ({ query, ctx }) => {
        wecom();
        const state = randomBytes(16).toString('base64url');
        ctx.cookies.set(STATE_COOKIE, state, { httpOnly: true, sameSite: 'lax', secure: ctx.secure, maxAge: 10 * 60 * 1000 });
        const callback = `${env.PUBLIC_BASE_URL}/api/v1/h5/wecom/callback?redirect=${encodeURIComponent(query.redirect ?? '/app/me')}`;
        const params = new URLSearchParams({ appid: env.WECOM_CORP_ID ?? '', redirect_uri: callback, response_type: 'code', scope: 'snsapi_base', state, agentid: env.WECOM_AGENT_ID ?? '' });
        ctx.redirect(`https://open.weixin.qq.com/connect/oauth2/authorize?${params}#wechat_redirect`);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/h5/wecom/callback', tag: 'h5', auth: false, status: 302, roles: 'anyone (WeCom configured)',
      query: z.object({ code: z.string().min(1).max(512), state: z.string().min(1).max(64), redirect: appPath.optional() }),
      summary: 'WeCom OAuth callback: code → userid → session, then back to the H5. Rate-limited per client with the other sign-ins (429 + Retry-After)',
      middleware: [loginLimit],
      handler: async ({ query, ctx }) => {
        if (ctx.cookies.get(STATE_COOKIE) !== query.state) {
          ctx.redirect('/app/login?error=state');
          return undefined;
        }
        ctx.cookies.set(STATE_COOKIE, null);
        try {
          const userId = await wecom().getUserIdByCode(query.code);
          const session = await createPlatformSession(deps, { platform: 'wecom', userId, method: 'wecom-oauth', ...requestOrigin(ctx) });
          setSessionCookie(ctx, session.token);
          ctx.redirect(query.redirect ?? '/app/me');
        } catch (error) {
          ctx.state.log.warn({ err: error }, 'WeCom sign-in failed');
          const reason = error instanceof AppError && error.code === 'forbidden' ? 'unknown_user' : 'platform';
          ctx.redirect(`/app/login?error=${reason}`);
        }
        return undefined;
      },
    }),
    defineRoute({
      method: 'post', path: '/h5/dingtalk/login', tag: 'h5', auth: false, roles: 'anyone (DingTalk configured)',
      body: z.object({ code: z.string().min(1).max(512) }).strict(), summary: 'DingTalk 免登: authCode → userid → session. Rate-limited per client with the other sign-ins (429 + Retry-After)',
      middleware: [loginLimit],
      handler: async ({ body, ctx }) => {
        const { userId } = await dingtalk().getUserIdByCode(body.code);
        const session = await createPlatformSession(deps, { platform: 'dingtalk', userId, method: 'dingtalk-authcode', ...requestOrigin(ctx) });
        setSessionCookie(ctx, session.token);
        return { name: session.actor.name, roles: session.actor.roles, expiresAt: session.expiresAt.toISOString() };
      },
    }),
    defineRoute({
      method: 'get', path: '/h5/jsapi-config', tag: 'h5', auth: false, roles: 'anyone (WeCom configured)',
      query: z.object({ url: z.url() }), summary: 'WeCom JS-SDK config (signature for the page URL)',
      handler: async ({ query }) => {
        if (!query.url.startsWith(`${env.PUBLIC_BASE_URL}/`)) throw new AppError('bad_request', `只能跳转到本应用的页面（${env.PUBLIC_BASE_URL}/…）`);
        return wecom().getJsApiConfig(query.url.split('#')[0] as string);
      },
    }),
  ];
}

function fail(message: string): never {
  throw new AppError('not_found', `${message}，此登录方式不可用`);
}
