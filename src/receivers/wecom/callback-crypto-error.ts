// The official error codes of the WeCom callback libraries (doc 91144), shared by the DingTalk
// HTTP event scheme. Every error carries a message that names the setting to check, so the
// log line alone tells the operator what to fix.

export const CALLBACK_ERROR_CODES = {
  ValidateSignature: -40001,
  ParseXml: -40002,
  IllegalAesKey: -40004,
  ValidateReceiveId: -40005,
  DecryptAes: -40007,
  IllegalBuffer: -40008,
  DecodeBase64: -40010,
} as const;

export type CallbackErrorKind = keyof typeof CALLBACK_ERROR_CODES;

/** Short Chinese reasons, for the body of a rejected callback (the platform console shows it). */
const REASONS: Record<CallbackErrorKind, string> = {
  ValidateSignature: '签名校验失败',
  ParseXml: 'XML 解析失败',
  IllegalAesKey: 'EncodingAESKey 非法',
  ValidateReceiveId: 'ReceiveId 不匹配',
  DecryptAes: '解密失败',
  IllegalBuffer: '消息长度非法',
  DecodeBase64: 'Base64 解码失败',
};

export class CallbackCryptoError extends Error {
  override name = 'CallbackCryptoError';
  readonly kind: CallbackErrorKind;
  /** The official numeric code, e.g. -40001. */
  readonly code: number;
  /** A short Chinese reason for the HTTP body. */
  readonly reason: string;

  constructor(kind: CallbackErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.code = CALLBACK_ERROR_CODES[kind];
    this.reason = REASONS[kind];
  }
}
