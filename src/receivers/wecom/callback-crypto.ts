// The callback crypto of WeCom (doc 91144), also used by DingTalk HTTP events: one core, two
// thin configurations (callback-crypto-configs.ts). @wecom/crypto signs and encrypts; we
// decrypt with node:crypto ourselves because the library silently keeps an invalid PKCS#7 pad
// and never looks at the receiveid: exactly the checks that tell a forged or misrouted
// callback from a real one.
import { createDecipheriv, createSecretKey, timingSafeEqual } from 'node:crypto';
import { encrypt as libEncrypt, getSignature } from '@wecom/crypto';
import { CallbackCryptoError } from './callback-crypto-error.ts';

export interface CallbackCryptoSettings {
  token: string;
  /** 43 characters; base64 of the 32-byte AES key without its trailing "=". */
  encodingAesKey: string;
  /** The plaintext's trailer: the CorpID (WeCom self-built app) or the ClientID (DingTalk). */
  receiveId: string;
  /** The names of the settings above, so every error says which one to check. */
  names: { token: string; aesKey: string; receiveId: string };
}

export interface SignedPayload {
  signature: string;
  timestamp: string;
  nonce: string;
  encrypt: string;
}

export interface CallbackCrypto {
  /** sha1_hex(sorted(token, timestamp, nonce, encrypt).join('')). */
  sign(timestamp: string, nonce: string, encrypt: string): string;
  /** Throws -40001 unless the signature matches (compared in constant time). */
  verify(payload: SignedPayload): void;
  /** Decrypts and checks padding, the length field and the receiveid; returns the UTF-8 message. */
  decrypt(encrypt: string): string;
  encrypt(message: string, random?: Buffer): string;
  /** verify, then decrypt. */
  open(payload: SignedPayload): string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * @example
 * const c = createCallbackCrypto({ token, encodingAesKey, receiveId: corpId,
 *   names: { token: 'WECOM_TOKEN', aesKey: 'WECOM_ENCODING_AES_KEY', receiveId: 'WECOM_CORP_ID' } });
 * const xml = c.open({ signature: q.msg_signature, timestamp: q.timestamp, nonce: q.nonce, encrypt });
 */
export function createCallbackCrypto(settings: CallbackCryptoSettings): CallbackCrypto {
  const { token, encodingAesKey, names } = settings;
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (encodingAesKey.length !== 43 || key.length !== 32) {
    throw new CallbackCryptoError('IllegalAesKey', `the AES key is not 43 base64 characters: check ${names.aesKey}`);
  }
  const iv = key.subarray(0, 16);
  const secretKey = createSecretKey(key); // imported once: a raw Buffer key is re-imported on every call (4× slower)
  const receiveId = Buffer.from(settings.receiveId, 'utf8');
  const checkKey = `check ${names.aesKey}`;

  const sign = (timestamp: string, nonce: string, encrypt: string) => getSignature(token, timestamp, nonce, encrypt);

  function verify({ signature, timestamp, nonce, encrypt }: SignedPayload): void {
    const want = Buffer.from(sign(timestamp, nonce, encrypt), 'utf8');
    const got = Buffer.from(signature.toLowerCase(), 'utf8');
    if (got.length !== want.length || !timingSafeEqual(got, want)) {
      throw new CallbackCryptoError('ValidateSignature', `signature mismatch: check ${names.token}`);
    }
  }

  function decrypt(encrypt: string): string {
    if (!BASE64.test(encrypt) || encrypt.length % 4 !== 0) {
      throw new CallbackCryptoError('DecodeBase64', 'the encrypted field is not base64: the callback was altered or does not come from the platform');
    }
    const data = Buffer.from(encrypt, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) {
      throw new CallbackCryptoError('DecryptAes', `ciphertext is ${data.length} bytes, not whole AES blocks: ${checkKey}`);
    }
    const decipher = createDecipheriv('aes-256-cbc', secretKey, iv).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(data), decipher.final()]);
    const body = unpad(plain, checkKey);
    if (body.length < 20) throw new CallbackCryptoError('IllegalBuffer', `decrypted message too short: ${checkKey}`);
    const length = body.readUInt32BE(16);
    if (length > body.length - 20) {
      throw new CallbackCryptoError('IllegalBuffer', `length field (${length}) exceeds the message: ${checkKey}`);
    }
    const id = body.subarray(20 + length);
    if (!id.equals(receiveId)) {
      const shown = id.toString('utf8').replace(/[^\w.@-]/g, '?').slice(0, 64);
      throw new CallbackCryptoError('ValidateReceiveId', `receiveid is not ${names.receiveId} (got "${shown}"): check ${names.receiveId}`);
    }
    try {
      return utf8.decode(body.subarray(20, 20 + length));
    } catch {
      throw new CallbackCryptoError('IllegalBuffer', `decrypted message is not UTF-8: ${checkKey}`);
    }
  }

  return {
    sign,
    verify,
    decrypt,
    encrypt: (message, random) => libEncrypt(encodingAesKey, message, settings.receiveId, random),
    open(payload) {
      verify(payload);
      return decrypt(payload.encrypt);
    },
  };
}

/** PKCS#7 with 32-byte blocks: the pad value is 1..32 and every pad byte carries it. */
function unpad(plain: Buffer, checkKey: string): Buffer {
  const pad = plain[plain.length - 1] ?? 0;
  const valid = pad >= 1 && pad <= 32 && pad <= plain.length && plain.subarray(plain.length - pad).every((b) => b === pad);
  if (!valid) throw new CallbackCryptoError('DecryptAes', `bad padding: ${checkKey}`);
  return plain.subarray(0, plain.length - pad);
}
