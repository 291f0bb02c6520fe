import { PlatformApiError } from '../platform-api-error.ts';
import type { WecomApi } from './wecom-api.ts';

/**
 * GET /cgi-bin/auth/getuserinfo: the OAuth code (single use, 5 min) → the member's userid.
 * A visitor outside the corp gets an openid instead; that is not a member and is refused.
 */
export async function getWecomUserIdByCode(api: WecomApi, code: string): Promise<string> {
  const res = await api.call<{ userid?: string; openid?: string }>({ api: 'auth/getuserinfo', method: 'GET', path: '/cgi-bin/auth/getuserinfo', params: { code } });
  if (!res.userid) {
    throw new PlatformApiError({ platform: 'wecom', api: 'auth/getuserinfo', errcode: 'not_member', errmsg: '该用户不是本企业成员', retryable: false });
  }
  return res.userid;
}
