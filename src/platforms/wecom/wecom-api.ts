// Every WeCom call goes through here: the cached access token, errcode → typed error, one
// token refresh on 40001/40014/42001, and a short backoff on -1 (busy) and 45009 (rate limit).
import type { PlatformHttp, HttpCall } from '../platform-http.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { TokenCache } from '../token-cache.ts';
import { fetchWecomToken } from './wecom-token.ts';

export interface WecomConfig {
  corpId: string;
  agentId: number;
  secret: string;
}

export interface WecomApi {
  config: WecomConfig;
  http: PlatformHttp;
  tokens: TokenCache;
  /** Calls a token-protected cgi and returns its JSON once errcode is 0. */
  call<T = Record<string, unknown>>(call: HttpCall): Promise<T>;
}

const TOKEN_REJECTED = new Set([40001, 40014, 42001]);
/** Busy, rate limited, too many concurrent calls: worth waiting and trying again. */
const BUSY = new Set([-1, 45009, 45033]);

export function createWecomApi(opts: {
  config: WecomConfig;
  http: PlatformHttp;
  tokens: TokenCache;
  /** Waits before retrying a busy answer; tests pass shorter waits. */
  busyBackoffMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}): WecomApi {
  const { config, http, tokens } = opts;
  const backoff = opts.busyBackoffMs ?? [1000, 3000];
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((ok) => setTimeout(ok, ms)));
  const tokenKey = `wecom:access_token:${config.corpId}:${config.agentId}`;
  const token = () => tokens.get(tokenKey, () => fetchWecomToken(http, config));

  async function call<T>(req: HttpCall): Promise<T> {
    let refreshed = false;
    let busyTries = 0;
    for (;;) {
      const accessToken = await token();
      const answer = await http.send({ ...req, params: { ...req.params, access_token: accessToken } });
      const body = (answer.data ?? {}) as { errcode?: number; errmsg?: string };
      // WeCom answers errors with HTTP 200 and an errcode; anything else (a proxy's 4xx/5xx) keeps its status.
      const errcode = answer.status >= 500 ? answer.status : (body.errcode ?? (answer.status >= 400 ? answer.status : 0));
      const ok = answer.status < 400 && errcode === 0;
      await http.record(req, answer, { ok, errcode: ok ? undefined : String(errcode), errmsg: body.errmsg });
      if (ok) return body as T;
      if (TOKEN_REJECTED.has(errcode) && !refreshed) {
        refreshed = true;
        await tokens.invalidate(tokenKey, accessToken);
        continue;
      }
      if (BUSY.has(errcode) && busyTries < backoff.length) {
        await sleep(backoff[busyTries++] as number);
        continue;
      }
      const retryable = answer.status >= 500 || BUSY.has(errcode) || TOKEN_REJECTED.has(errcode);
      throw new PlatformApiError({ platform: 'wecom', api: req.api, errcode, errmsg: body.errmsg ?? `HTTP ${answer.status}`, retryable, httpStatus: answer.status });
    }
  }

  return { config, http, tokens, call };
}
