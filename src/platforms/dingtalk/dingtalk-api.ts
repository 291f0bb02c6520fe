// Every DingTalk call goes through here. Two hosts share one access token: the new OpenAPI
// (token in a header, errors as HTTP status + {code, message}) and the old one (token in the
// query, errors as {errcode, errmsg}). A rejected token is refreshed once and the call retried.
import type { HttpAnswer, HttpCall, PlatformHttp } from '../platform-http.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { TokenCache } from '../token-cache.ts';
import { fetchDingtalkToken } from './dingtalk-token.ts';

export interface DingtalkConfig {
  clientId: string;
  clientSecret: string;
  robotCode?: string;
  cardTemplateId?: string;
}

export interface DingtalkApi {
  config: DingtalkConfig;
  tokens: TokenCache;
  /** api.dingtalk.com */
  call<T = Record<string, unknown>>(call: HttpCall): Promise<T>;
  /** oapi.dingtalk.com */
  callOld<T = Record<string, unknown>>(call: HttpCall): Promise<T>;
}

interface Judged {
  ok: boolean;
  errcode: string;
  errmsg: string;
  tokenRejected: boolean;
  retryable: boolean;
}

const OLD_TOKEN_REJECTED = new Set([40014, 42001]);
/** -1 busy, 90018 token rate limited, 90002 too many calls per second. */
const OLD_BUSY = new Set([-1, 90002, 90018]);

function judgeNew(a: HttpAnswer): Judged {
  const body = (a.data ?? {}) as { code?: string; message?: string };
  const code = body.code ?? String(a.status);
  const throttled = a.status === 429 || /Throttling|QpsLimit/i.test(code);
  return { ok: a.status < 300, errcode: code, errmsg: body.message ?? `HTTP ${a.status}`, tokenRejected: a.status === 401 || code === 'InvalidAuthentication', retryable: a.status >= 500 || throttled };
}

function judgeOld(a: HttpAnswer): Judged {
  const body = (a.data ?? {}) as { errcode?: number; errmsg?: string };
  const errcode = a.status >= 400 ? a.status : (body.errcode ?? 0);
  return { ok: errcode === 0, errcode: String(errcode), errmsg: body.errmsg ?? `HTTP ${a.status}`, tokenRejected: OLD_TOKEN_REJECTED.has(errcode), retryable: a.status >= 500 || OLD_BUSY.has(errcode) };
}

export function createDingtalkApi(opts: { config: DingtalkConfig; api: PlatformHttp; oapi: PlatformHttp; tokens: TokenCache }): DingtalkApi {
  const { config, tokens } = opts;
  const key = `dingtalk:access_token:${config.clientId}`;
  const token = () => tokens.get(key, () => fetchDingtalkToken(opts.api, config));

  const callVia = (http: PlatformHttp, judge: (a: HttpAnswer) => Judged, inQuery: boolean) =>
    async function <T>(call: HttpCall): Promise<T> {
      for (let refreshed = false; ; refreshed = true) {
        const t = await token();
        const withToken = inQuery
          ? { ...call, params: { ...call.params, access_token: t } }
          : { ...call, headers: { ...call.headers, 'x-acs-dingtalk-access-token': t } };
        const answer = await http.send(withToken);
        const j = judge(answer);
        await http.record(call, answer, { ok: j.ok, errcode: j.ok ? undefined : j.errcode, errmsg: j.errmsg });
        if (j.ok) return answer.data as T;
        if (j.tokenRejected && !refreshed) {
          await tokens.invalidate(key, t);
          continue;
        }
        throw new PlatformApiError({ platform: 'dingtalk', api: call.api, errcode: j.errcode, errmsg: j.errmsg, retryable: j.retryable || j.tokenRejected, httpStatus: answer.status });
      }
    };

  return { config, tokens, call: callVia(opts.api, judgeNew, false), callOld: callVia(opts.oapi, judgeOld, true) };
}
