// Builds signed, encrypted callbacks the way the platforms do, with our own crypto, plus the
// broken variants the attack tests need (bad padding, other receiveid).
import { createCipheriv, randomBytes } from 'node:crypto';
import { createCallbackCrypto, type CallbackCrypto } from '../../../src/receivers/wecom/callback-crypto.ts';
import { DINGTALK_CHECK_URL, WECOM } from './official-vectors.ts';

export const wecomNames = { token: 'WECOM_TOKEN', aesKey: 'WECOM_ENCODING_AES_KEY', receiveId: 'WECOM_CORP_ID' };

const dingtalkNames = { token: 'DINGTALK_EVENT_TOKEN', aesKey: 'DINGTALK_EVENT_AES_KEY', receiveId: 'DINGTALK_CLIENT_ID' };

export const wecomEnv = { WECOM_TOKEN: WECOM.token, WECOM_ENCODING_AES_KEY: WECOM.aesKey, WECOM_CORP_ID: WECOM.corpId };
export const dingtalkEnv = {
  DINGTALK_EVENT_TOKEN: DINGTALK_CHECK_URL.token,
  DINGTALK_EVENT_AES_KEY: DINGTALK_CHECK_URL.aesKey,
  DINGTALK_CLIENT_ID: DINGTALK_CHECK_URL.ownerKey,
};

/** The crypto of another corp (same token and key, other CorpID): what a misrouted callback looks like. */
export function wecomCrypto(corpId: string = WECOM.corpId): CallbackCrypto {
  return createCallbackCrypto({ token: WECOM.token, encodingAesKey: WECOM.aesKey, receiveId: corpId, names: wecomNames });
}

export function dingtalkCrypto(): CallbackCrypto {
  const d = DINGTALK_CHECK_URL;
  return createCallbackCrypto({ token: d.token, encodingAesKey: d.aesKey, receiveId: d.ownerKey, names: dingtalkNames });
}

/**
 * Encrypts like the platform, but lets a test break one part: the pad byte (valid is the pad
 * length, 1..32, repeated) or the length field.
 */
export function encryptForged(o: { message: string; receiveId?: string; padByte?: number; claimedLength?: number }): string {
  const key = Buffer.from(`${WECOM.aesKey}=`, 'base64');
  const msg = Buffer.from(o.message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(o.claimedLength ?? msg.length);
  const body = Buffer.concat([randomBytes(16), len, msg, Buffer.from(o.receiveId ?? WECOM.corpId)]);
  const padLength = 32 - (body.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const padded = Buffer.concat([body, Buffer.alloc(padLength, o.padByte ?? padLength)]);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

export interface SignedRequest {
  path: string;
  body: string;
}

/** A POST /callbacks/wecom request around an already encrypted field. */
export function wecomPost(crypto: CallbackCrypto, encrypt: string, at: Date, outer?: (encrypt: string) => string): SignedRequest {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const nonce = randomBytes(5).toString('hex');
  const query = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  const body = outer ? outer(encrypt) : `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  return { path: `/callbacks/wecom?${query}`, body };
}

/** A POST /callbacks/dingtalk request for a JSON event. */
export function dingtalkPost(crypto: CallbackCrypto, event: object, at: Date): SignedRequest {
  const encrypt = crypto.encrypt(JSON.stringify(event));
  const timestamp = String(at.getTime());
  const nonce = randomBytes(8).toString('hex');
  const query = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  return { path: `/callbacks/dingtalk?${query}`, body: JSON.stringify({ encrypt }) };
}

export function cardClickXml(o: { from: string; createTime: number; taskId: string; eventKey: string; responseCode?: string }): string {
  return `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>${o.createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${o.eventKey}]]></EventKey><TaskId><![CDATA[${o.taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${o.responseCode ?? 'rc-1'}]]></ResponseCode><AgentID>1000002</AgentID><SelectedItems><SelectedItem><QuestionKey><![CDATA[q1]]></QuestionKey></SelectedItem></SelectedItems></xml>`;
}

export function textMessageXml(o: { from: string; msgId: string; content: string }): string {
  return `<xml><ToUserName><![CDATA[${WECOM.corpId}]]></ToUserName><FromUserName><![CDATA[${o.from}]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${o.content}]]></Content><MsgId>${o.msgId}</MsgId><AgentID>218</AgentID></xml>`;
}
