// The query of a signed callback (msg_signature, timestamp, nonce) and the replay window.
import type { ParsedUrlQuery } from 'node:querystring';
import { CallbackRejection } from './callback-rejection.ts';

export interface SignedQuery {
  signature: string;
  timestamp: string;
  nonce: string;
}

/** Reads one query parameter; a repeated one is refused rather than guessed at. */
export function queryParam(query: ParsedUrlQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new CallbackRejection(400, `参数 ${name} 重复`, `query parameter ${name} is repeated: refused`);
  return value === undefined || value === '' ? undefined : value;
}

/** DingTalk also sends `signature`; WeCom only `msg_signature`. */
export function readSignedQuery(query: ParsedUrlQuery): SignedQuery {
  const signature = queryParam(query, 'msg_signature') ?? queryParam(query, 'signature');
  const timestamp = queryParam(query, 'timestamp');
  const nonce = queryParam(query, 'nonce');
  if (!signature || !timestamp || !nonce) {
    const missing = [!signature && 'msg_signature', !timestamp && 'timestamp', !nonce && 'nonce'].filter(Boolean).join(', ');
    throw new CallbackRejection(400, '缺少签名参数', `query lacks ${missing}: the platform always sends them; is something else calling this URL?`);
  }
  return { signature, timestamp, nonce };
}

/**
 * Refuses a timestamp outside the replay window (older, or as far in the future: a skewed
 * clock). maxAgeS 0 turns the check off; dedupe on the delivery id still applies.
 * @param unitMs 1000 for WeCom (seconds), 1 for DingTalk (milliseconds)
 */
export function checkFreshness(timestamp: string, unitMs: number, maxAgeS: number, now: Date): void {
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw new CallbackRejection(400, 'timestamp 非法', `timestamp "${timestamp.slice(0, 20)}" is not a number: refused`);
  }
  if (maxAgeS === 0) return;
  const ageS = Math.round((now.getTime() - Number(timestamp) * unitMs) / 1000);
  if (Math.abs(ageS) > maxAgeS) {
    const what = ageS > 0 ? `${ageS} s old` : `${-ageS} s in the future`;
    throw new CallbackRejection(401, '时间戳超出有效期', `timestamp is ${what}, outside CALLBACK_MAX_AGE_S=${maxAgeS}: a replay, or check the server clock (NTP)`);
  }
}
