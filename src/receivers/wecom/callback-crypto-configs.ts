// The two configurations of the shared callback crypto: WeCom callbacks (receiveid = CorpID)
// and DingTalk HTTP events (ownerKey = ClientID/AppKey). Missing settings stop the start with
// the names of the variables to set.
import { ConfigError, type Env } from '../../config.ts';
import { createCallbackCrypto, type CallbackCrypto } from './callback-crypto.ts';

export type WecomCryptoConfig = Pick<Env, 'WECOM_TOKEN' | 'WECOM_ENCODING_AES_KEY' | 'WECOM_CORP_ID'>;
export type DingtalkCryptoConfig = Pick<Env, 'DINGTALK_EVENT_TOKEN' | 'DINGTALK_EVENT_AES_KEY' | 'DINGTALK_CLIENT_ID'>;

export function wecomCallbackCrypto(config: WecomCryptoConfig): CallbackCrypto {
  const names = { token: 'WECOM_TOKEN', aesKey: 'WECOM_ENCODING_AES_KEY', receiveId: 'WECOM_CORP_ID' };
  return createCallbackCrypto({
    token: required(config.WECOM_TOKEN, names.token, 'WeCom callbacks'),
    encodingAesKey: required(config.WECOM_ENCODING_AES_KEY, names.aesKey, 'WeCom callbacks'),
    receiveId: required(config.WECOM_CORP_ID, names.receiveId, 'WeCom callbacks'),
    names,
  });
}

export function dingtalkEventCrypto(config: DingtalkCryptoConfig): CallbackCrypto {
  const names = { token: 'DINGTALK_EVENT_TOKEN', aesKey: 'DINGTALK_EVENT_AES_KEY', receiveId: 'DINGTALK_CLIENT_ID' };
  return createCallbackCrypto({
    token: required(config.DINGTALK_EVENT_TOKEN, names.token, 'DingTalk HTTP events'),
    encodingAesKey: required(config.DINGTALK_EVENT_AES_KEY, names.aesKey, 'DingTalk HTTP events'),
    receiveId: required(config.DINGTALK_CLIENT_ID, names.receiveId, 'DingTalk HTTP events'),
    names,
  });
}

function required(value: string | undefined, name: string, what: string): string {
  if (!value) throw new ConfigError(`${what} need ${name}: set it to the value shown in the platform console`);
  return value;
}
