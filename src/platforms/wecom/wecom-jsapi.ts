// JS-SDK config for the H5: two tickets (corp for wx.config, app for wx.agentConfig), cached
// like tokens because WeCom limits how often they may be fetched, and their sha1 signatures.
import { randomBytes } from 'node:crypto';
import { getJsApiSignature } from '@wecom/crypto';
import type { WecomApi } from './wecom-api.ts';

export interface JsApiSignature {
  timestamp: number;
  nonceStr: string;
  signature: string;
}

export interface WecomJsApiConfig {
  corp: JsApiSignature & { corpId: string };
  agent: JsApiSignature & { corpId: string; agentId: number };
}

/** sha1("jsapi_ticket=…&noncestr=…&timestamp=…&url=…"), the url without its #fragment. */
export function signWecomJsApi(ticket: string, url: string, nonceStr: string, timestamp: number): JsApiSignature {
  const signed = getJsApiSignature({ ticket, url: url.split('#')[0] as string, nonceStr, timestamp });
  return { timestamp, nonceStr, signature: signed.signature };
}

export async function getWecomJsApiConfig(api: WecomApi, url: string, opts: { now?: () => number } = {}): Promise<WecomJsApiConfig> {
  const { corpId, agentId } = api.config;
  const ticket = (kind: 'corp' | 'agent') =>
    api.tokens.get(`wecom:jsapi_ticket:${kind}:${corpId}:${agentId}`, async () => {
      const call =
        kind === 'corp'
          ? { api: 'get_jsapi_ticket', method: 'GET' as const, path: '/cgi-bin/get_jsapi_ticket' }
          : { api: 'ticket/get', method: 'GET' as const, path: '/cgi-bin/ticket/get', params: { type: 'agent_config' } };
      const res = await api.call<{ ticket: string; expires_in?: number }>(call);
      return { value: res.ticket, expiresInS: res.expires_in ?? 7200 };
    });
  const [corpTicket, agentTicket] = await Promise.all([ticket('corp'), ticket('agent')]);
  const timestamp = Math.floor((opts.now ?? Date.now)() / 1000);
  const nonce = () => randomBytes(12).toString('base64url');
  return {
    corp: { corpId, ...signWecomJsApi(corpTicket, url, nonce(), timestamp) },
    agent: { corpId, agentId, ...signWecomJsApi(agentTicket, url, nonce(), timestamp) },
  };
}
