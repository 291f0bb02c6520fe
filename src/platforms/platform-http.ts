// The one place that talks HTTP to WeCom and DingTalk: axios with a timeout, every call
// timed and logged to OutboundCall, network failures turned into retryable typed errors.
import axios, { type AxiosInstance } from 'axios';
import type { Db } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';
import { recordOutboundCall } from './outbound-call-log.ts';
import { PlatformApiError } from './platform-api-error.ts';

export interface HttpCall {
  /** Stable name for logs and errors, e.g. 'message/send'. */
  api: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  params?: Record<string, string | number>;
  data?: unknown;
  headers?: Record<string, string>;
}

export interface HttpAnswer {
  status: number;
  data: unknown;
  durationMs: number;
}

export interface PlatformHttp {
  platform: Platform;
  send(call: HttpCall): Promise<HttpAnswer>;
  /** Logs the outcome of one call once the caller has judged the answer. */
  record(call: HttpCall, answer: HttpAnswer, outcome: { ok: boolean; errcode?: string; errmsg?: string }): Promise<void>;
}

export function createPlatformHttp(opts: { platform: Platform; baseURL: string; db: Db; timeoutMs?: number }): PlatformHttp {
  const client: AxiosInstance = axios.create({ baseURL: opts.baseURL, timeout: opts.timeoutMs ?? 10_000, validateStatus: () => true });
  const { platform, db } = opts;
  const detailOf = (call: HttpCall, errmsg?: string) => ({ method: call.method, path: call.path, ...(errmsg ? { errmsg: errmsg.slice(0, 300) } : {}) });

  return {
    platform,
    async send(call) {
      const started = performance.now();
      try {
        const res = await client.request({ method: call.method, url: call.path, params: call.params, data: call.data, headers: call.headers });
        return { status: res.status, data: res.data, durationMs: Math.round(performance.now() - started) };
      } catch (error) {
        const timeout = axios.isAxiosError(error) && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT');
        const errcode = timeout ? 'timeout' : 'network';
        // Refused or unresolved: the request never left, so it cannot have been acted on.
        const neverSent = axios.isAxiosError(error) && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(error.code ?? '');
        const errmsg = (error as Error).message;
        const durationMs = Math.round(performance.now() - started);
        await recordOutboundCall(db, { platform, api: call.api, ok: false, errcode, durationMs, detail: detailOf(call, errmsg) });
        throw new PlatformApiError({ platform, api: call.api, errcode, errmsg: `${errmsg}（检查网络或 ${platform.toUpperCase()}_API_BASE）`, retryable: true, maybeSent: !neverSent });
      }
    },
    record(call, answer, outcome) {
      return recordOutboundCall(db, {
        platform,
        api: call.api,
        ok: outcome.ok,
        httpStatus: answer.status,
        errcode: outcome.errcode,
        durationMs: answer.durationMs,
        detail: detailOf(call, outcome.ok ? undefined : outcome.errmsg),
      });
    },
  };
}
