import type { PlatformHttp } from '../platform-http.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { FetchedToken } from '../token-cache.ts';

/** What to fix when gettoken refuses, by errcode. */
const HINTS: Record<number, string> = {
  40001: '检查 WECOM_SECRET（应用的 Secret）',
  40013: '检查 WECOM_CORP_ID（企业 ID）',
  40091: '检查 WECOM_SECRET（应用的 Secret）',
};

/** GET /cgi-bin/gettoken: the secret travels only here, in the query, never into logs. */
export async function fetchWecomToken(http: PlatformHttp, config: { corpId: string; secret: string }): Promise<FetchedToken> {
  const call = { api: 'gettoken', method: 'GET' as const, path: '/cgi-bin/gettoken' };
  const answer = await http.send({ ...call, params: { corpid: config.corpId, corpsecret: config.secret } });
  const body = (answer.data ?? {}) as { errcode?: number; errmsg?: string; access_token?: string; expires_in?: number };
  const ok = answer.status === 200 && !body.errcode && typeof body.access_token === 'string';
  await http.record(call, answer, { ok, errcode: ok ? undefined : String(body.errcode ?? answer.status), errmsg: body.errmsg });
  if (!ok) {
    const errcode = body.errcode ?? answer.status;
    const hint = HINTS[errcode] ? `：${HINTS[errcode]}` : '';
    throw new PlatformApiError({ platform: 'wecom', api: call.api, errcode, errmsg: `${body.errmsg ?? `HTTP ${answer.status}`}${hint}`, retryable: answer.status >= 500 || errcode === -1, httpStatus: answer.status });
  }
  return { value: body.access_token as string, expiresInS: body.expires_in ?? 7200 };
}
