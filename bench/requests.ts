// Signed, encrypted WeCom text messages built the way WeCom builds them. Requests are
// encrypted before the runs; past a pool's end they are made on the fly.
import { randomBytes } from 'node:crypto';
import { wecomCallbackCrypto } from '../src/receivers/wecom/callback-crypto-configs.ts';
import { BENCH_WECOM } from './bench-config.ts';

export interface BenchRequest {
  path: string;
  body: Buffer;
}

const crypto = wecomCallbackCrypto(BENCH_WECOM);
const runId = randomBytes(3).readUIntBE(0, 3);

export function makeRequest(i: number): BenchRequest {
  const msgId = `${runId}${String(i).padStart(10, '0')}`;
  const now = Math.floor(Date.now() / 1000);
  const xml = `<xml><ToUserName><![CDATA[${BENCH_WECOM.WECOM_CORP_ID}]]></ToUserName><FromUserName><![CDATA[user${i % 500}]]></FromUserName><CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[已提交社保材料 ${i}]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
  const encrypt = crypto.encrypt(xml);
  const timestamp = String(now);
  const nonce = randomBytes(5).toString('hex');
  const query = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  const body = Buffer.from(`<xml><ToUserName><![CDATA[${BENCH_WECOM.WECOM_CORP_ID}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
  return { path: `/callbacks/wecom?${query}`, body };
}

/** Every request a new MsgId (from `first` on): each one is a fresh dedupe insert. */
export function uniqueRequests(first: number, pregenerate: number): () => BenchRequest {
  const pool = Array.from({ length: pregenerate }, (_, i) => makeRequest(first + i));
  let i = 0;
  return () => {
    const request = pool[i] ?? makeRequest(first + i);
    i++;
    return request;
  };
}

/** A small set sent over and over: for endpoints that record nothing. */
export function repeatingRequests(count: number): () => BenchRequest {
  const pool = Array.from({ length: count }, (_, i) => makeRequest(i));
  let i = 0;
  return () => pool[i++ % count] as BenchRequest;
}
