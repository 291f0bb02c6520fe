import type { PlatformHttp } from '../platform-http.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { FetchedToken } from '../token-cache.ts';

/** POST /v1.0/oauth2/accessToken: the secret travels only in this body, never into logs. */
export async function fetchDingtalkToken(http: PlatformHttp, config: { clientId: string; clientSecret: string }): Promise<FetchedToken> {
  const call = { api: 'oauth2/accessToken', method: 'POST' as const, path: '/v1.0/oauth2/accessToken' };
  const answer = await http.send({ ...call, data: { appKey: config.clientId, appSecret: config.clientSecret } });
  const body = (answer.data ?? {}) as { accessToken?: string; expireIn?: number; code?: string; message?: string };
  const ok = answer.status === 200 && typeof body.accessToken === 'string';
  await http.record(call, answer, { ok, errcode: ok ? undefined : (body.code ?? String(answer.status)), errmsg: body.message });
  if (!ok) {
    const hint = answer.status < 500 ? '：检查 DINGTALK_CLIENT_ID 与 DINGTALK_CLIENT_SECRET（应用的 Client ID / Client Secret）' : '';
    const errmsg = `${body.message ?? `HTTP ${answer.status}`}${hint}`;
    throw new PlatformApiError({ platform: 'dingtalk', api: call.api, errcode: body.code ?? answer.status, errmsg, retryable: answer.status >= 500, httpStatus: answer.status });
  }
  return { value: body.accessToken as string, expiresInS: body.expireIn ?? 7200 };
}
