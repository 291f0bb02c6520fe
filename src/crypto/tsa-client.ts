// RFC 3161 client for TSA_URL: asks a time-stamp authority to sign "this SHA-256 existed at time T",
// so a tree head's date does not rest on our own clock alone. The request carries a random nonce
// and the exact imprint; a reply that echoes anything else is refused (a replayed or mixed-up token
// would otherwise pass as ours).
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { MessageImprint, PKIStatus, TimeStampReq, TimeStampResp } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { AppError } from '../errors.ts';
import { verifyTsaSigner } from './tsa-chain.ts';
import { parseTstInfo, SHA256_OID, unsignedHex } from './tsa-token.ts';

/** An RFC 3161 time-stamp authority (TSA_URL): returns the DER TimeStampToken over `data`'s SHA-256. */
export interface TimestampAuthority {
  stamp(data: Uint8Array): Promise<Buffer>;
}

/** A TSA reply larger than this is not a time-stamp token. */
const MAX_REPLY_BYTES = 1_048_576;

/** Every certificate of a PEM bundle (TSA_CA_FILE); a file without one is a configuration error. */
export function readTrustedRoots(path: string): X509Certificate[] {
  const pems = readFileSync(path, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new Error(`TSA_CA_FILE ${path} holds no PEM certificate`);
  return pems.map((pem) => new X509Certificate(pem));
}

/** The public roots Node ships (Mozilla's list): public TSAs chain to one of them. */
export const publicRoots = (): X509Certificate[] => rootCertificates.map((pem) => new X509Certificate(pem));

/**
 * Every token is checked before it is kept: its signer's certificate must chain to one of
 * `trustedRoots` (TSA_CA_FILE; by default the public roots Node ships).
 * @example const tsa = createTsaClient('http://timestamp.digicert.com'); const token = await tsa.stamp(headText);
 */
export function createTsaClient(url: string, opts: { timeoutMs?: number; trustedRoots?: readonly X509Certificate[] } = {}): TimestampAuthority {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const trustedRoots = opts.trustedRoots ?? publicRoots();
  return {
    async stamp(data) {
      const imprint = createHash('sha256').update(data).digest();
      const nonce = randomBytes(8);
      nonce[0] = (nonce[0] as number) & 0x7f; // a positive INTEGER without a padding byte
      const request = new TimeStampReq({
        version: 1,
        messageImprint: new MessageImprint({
          hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA256_OID }),
          hashedMessage: new OctetString(imprint),
        }),
        nonce: new Uint8Array(nonce).buffer,
        certReq: true,
      });
      const reply = await post(url, new Uint8Array(AsnConvert.serialize(request)), timeoutMs);
      const token = checkReply(reply, imprint, nonce);
      verifyTsaSigner(token, trustedRoots, parseTstInfo(token).genTime);
      return token;
    },
  };
}

async function post(url: string, body: Uint8Array<ArrayBuffer>, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const err = error as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      throw new AppError('internal', `时间戳服务 ${url} 在 ${timeoutMs} ms 内没有响应（TSA timeout）`);
    }
    throw new AppError('internal', `无法连接时间戳服务 ${url}（TSA unreachable）：${err.message}`);
  }
  if (!response.ok) {
    throw new AppError('internal', `时间戳服务返回 HTTP ${response.status}（TSA HTTP error ${response.status}）`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_REPLY_BYTES) throw new AppError('internal', '时间戳服务的响应过大（TSA reply too large）');
  return bytes;
}

function checkReply(reply: Buffer, imprint: Buffer, nonce: Buffer): Buffer {
  let resp: TimeStampResp;
  try {
    resp = AsnConvert.parse(reply, TimeStampResp);
  } catch (error) {
    throw new AppError('internal', `时间戳服务的响应不是 RFC 3161 TimeStampResp（invalid TSA reply）：${(error as Error).message}`);
  }
  const status = resp.status.status;
  if (status !== PKIStatus.granted && status !== PKIStatus.grantedWithMods) {
    const text = resp.status.statusString?.join('; ') ?? '';
    throw new AppError('internal', `时间戳服务拒绝了请求，状态 ${status}（TSA rejected the request, status ${status}）${text ? `：${text}` : ''}`);
  }
  if (!resp.timeStampToken) throw new AppError('internal', '时间戳服务的响应没有令牌（TSA reply has no token）');
  const token = Buffer.from(AsnConvert.serialize(resp.timeStampToken));
  const info = parseTstInfo(token);
  if (info.messageImprint.hashAlgorithm.algorithm !== SHA256_OID || !imprint.equals(Buffer.from(info.messageImprint.hashedMessage.buffer))) {
    throw new AppError('internal', '时间戳令牌的摘要与请求不符（TSA token imprint mismatch）');
  }
  if (!info.nonce || unsignedHex(Buffer.from(info.nonce)) !== unsignedHex(nonce)) {
    throw new AppError('internal', '时间戳令牌的随机数与请求不符，可能是重放的令牌（TSA nonce mismatch）');
  }
  return token;
}
