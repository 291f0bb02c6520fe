import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { createCallbackCrypto } from '../../src/receivers/wecom/callback-crypto.ts';
import { dingtalkEventCrypto, wecomCallbackCrypto } from '../../src/receivers/wecom/callback-crypto-configs.ts';
import { CallbackCryptoError } from '../../src/receivers/wecom/callback-crypto-error.ts';
import { DINGTALK, DINGTALK_CHECK_URL, WECOM } from './helpers/official-vectors.ts';
import { encryptForged, wecomCrypto, wecomNames } from './helpers/signed-callbacks.ts';

const wecom = wecomCrypto();

function failure(fn: () => unknown): CallbackCryptoError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallbackCryptoError) return error;
    throw error;
  }
  throw new Error('expected a CallbackCryptoError');
}

describe('official vectors', () => {
  it('verifies and decrypts the WeCom URL verification vector to exactly the echo string', () => {
    const v = WECOM.verifyUrl;
    expect(wecom.open({ signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, encrypt: v.echostr })).toBe('1616140317555161061');
  });

  it('verifies and decrypts the WeCom text message vector', () => {
    const v = WECOM.textMessage;
    const xml = wecom.open({ signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, encrypt: v.encrypt });
    expect(xml).toContain('<Content><![CDATA[hello]]></Content>');
    expect(xml).toContain(`<MsgId>${v.msgId}</MsgId>`);
  });

  it('verifies and decrypts the DingTalk HTTP event vectors', () => {
    for (const v of [DINGTALK, DINGTALK_CHECK_URL]) {
      const crypto = dingtalkEventCrypto({ DINGTALK_EVENT_TOKEN: v.token, DINGTALK_EVENT_AES_KEY: v.aesKey, DINGTALK_CLIENT_ID: v.ownerKey });
      expect(crypto.open({ signature: v.signature, timestamp: v.timestamp, nonce: v.nonce, encrypt: v.encrypt })).toBe(v.plaintext);
    }
  });
});

describe('round trips', () => {
  it.each([0, 1, 11, 12, 13, 31, 32, 100, 5000])('encrypts and decrypts a %i-byte message in whole 32-byte blocks', (n) => {
    const message = 'm'.repeat(n);
    const encrypt = wecom.encrypt(message);
    expect(Buffer.from(encrypt, 'base64').length % 32).toBe(0);
    expect(wecom.decrypt(encrypt)).toBe(message);
  });

  it('keeps multi-byte text intact (the length field counts bytes)', () => {
    const message = '<xml><Content><![CDATA[已增员 ✅ 社保]]></Content></xml>';
    const encrypt = wecom.encrypt(message);
    expect(wecom.open({ signature: wecom.sign('1700000000', 'n0nce', encrypt), timestamp: '1700000000', nonce: 'n0nce', encrypt })).toBe(message);
  });

  it('accepts an upper-case hex signature', () => {
    const v = WECOM.verifyUrl;
    expect(() => wecom.verify({ signature: v.signature.toUpperCase(), timestamp: v.timestamp, nonce: v.nonce, encrypt: v.echostr })).not.toThrow();
  });
});

describe('failures carry the official code and the setting to check', () => {
  const v = WECOM.verifyUrl;

  it('rejects a forged signature with -40001, naming WECOM_TOKEN', () => {
    for (const signature of ['0'.repeat(40), v.signature.slice(1), '']) {
      const e = failure(() => wecom.verify({ signature, timestamp: v.timestamp, nonce: v.nonce, encrypt: v.echostr }));
      expect([e.code, e.message]).toEqual([-40001, 'signature mismatch: check WECOM_TOKEN']);
    }
  });

  it('rejects a signature over another timestamp', () => {
    expect(failure(() => wecom.verify({ signature: v.signature, timestamp: '1409659590', nonce: v.nonce, encrypt: v.echostr })).code).toBe(-40001);
  });

  it('rejects a message for another corp with -40005, naming WECOM_CORP_ID', () => {
    const e = failure(() => wecom.decrypt(wecomCrypto('wwOtherCorp0001').encrypt('hello')));
    expect(e.code).toBe(-40005);
    expect(e.message).toMatch(/^receiveid is not WECOM_CORP_ID .*check WECOM_CORP_ID$/);
  });

  it.each([0, 33, 255])('rejects pad byte %i with -40007 (bad padding)', (pad) => {
    const e = failure(() => wecom.decrypt(encryptForged({ message: 'hello', padByte: pad })));
    expect([e.code, e.message]).toEqual([-40007, 'bad padding: check WECOM_ENCODING_AES_KEY']);
  });

  it('rejects a pad whose bytes disagree', () => {
    // 16 + 4 + 5 + 18 = 43 bytes → 21 pad bytes; CBC: flipping a bit of the previous block flips the same pad byte
    const raw = Buffer.from(wecom.encrypt('hello'), 'base64');
    raw[raw.length - 16 - 5] = (raw[raw.length - 16 - 5] ?? 0) ^ 1;
    expect(failure(() => wecom.decrypt(raw.toString('base64'))).code).toBe(-40007);
  });

  it('never returns the message under another key', () => {
    const other = createCallbackCrypto({ token: WECOM.token, encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', receiveId: WECOM.corpId, names: wecomNames });
    for (let i = 0; i < 20; i++) {
      expect([-40005, -40007, -40008]).toContain(failure(() => other.decrypt(wecom.encrypt('hello'))).code);
    }
  });

  it('rejects a length field longer than the message with -40008', () => {
    const e = failure(() => wecom.decrypt(encryptForged({ message: 'hello', claimedLength: 5000 })));
    expect(e.code).toBe(-40008);
    expect(e.message).toContain('check WECOM_ENCODING_AES_KEY');
  });

  it('rejects text that is not base64 (-40010) or not whole AES blocks (-40007)', () => {
    expect(failure(() => wecom.decrypt('not base64 !!')).code).toBe(-40010);
    expect(failure(() => wecom.decrypt('AAAA')).code).toBe(-40007);
  });

  it('refuses an AES key that is not 43 characters with -40004', () => {
    const e = failure(() => createCallbackCrypto({ token: 't', encodingAesKey: 'short', receiveId: 'c', names: wecomNames }));
    expect([e.code, e.message]).toEqual([-40004, 'the AES key is not 43 base64 characters: check WECOM_ENCODING_AES_KEY']);
  });

  it('names the DingTalk settings in DingTalk errors', () => {
    const d = DINGTALK;
    const crypto = dingtalkEventCrypto({ DINGTALK_EVENT_TOKEN: 'wrong', DINGTALK_EVENT_AES_KEY: d.aesKey, DINGTALK_CLIENT_ID: 'dingother' });
    expect(failure(() => crypto.verify({ signature: d.signature, timestamp: d.timestamp, nonce: d.nonce, encrypt: d.encrypt })).message).toBe('signature mismatch: check DINGTALK_EVENT_TOKEN');
    expect(failure(() => crypto.decrypt(d.encrypt)).message).toContain('check DINGTALK_CLIENT_ID');
  });

  it('stops the start when a setting is missing, naming it', () => {
    expect(() => wecomCallbackCrypto({ WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: WECOM.aesKey, WECOM_CORP_ID: undefined })).toThrow(ConfigError);
    expect(() => wecomCallbackCrypto({ WECOM_TOKEN: undefined, WECOM_ENCODING_AES_KEY: WECOM.aesKey, WECOM_CORP_ID: 'c' })).toThrow(/WECOM_TOKEN/);
  });
});
