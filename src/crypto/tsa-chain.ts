// Checks that a time-stamp token was signed by a TSA whose certificate chains to a root we trust,
// so a token from any other signer (a self-signed "TSA", another CA) is refused when received
// instead of being discovered by `openssl ts -verify` in court. node:crypto does the signature
// and certificate checks; @peculiar/asn1-cms reads the CMS SignedData around the TSTInfo.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import { Certificate, id_ce_subjectKeyIdentifier, SubjectKeyIdentifier } from '@peculiar/asn1-x509';
import { AppError } from '../errors.ts';

const digestNames: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const MESSAGE_DIGEST_OID = '1.2.840.113549.1.9.4';
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const MAX_CHAIN = 5;

const refuse = (why: string) => new AppError('internal', `时间戳令牌的签名证书不可信，已拒收：${why}。请确认 TSA_URL 指向的时间戳服务，或在 TSA_CA_FILE 中配置它的根证书。`);

/**
 * @example verifyTsaSigner(token, [new X509Certificate(readFileSync('tsa-root.pem'))], info.genTime);
 * Throws an AppError naming what failed; returns the TSA's certificate.
 */
export function verifyTsaSigner(token: Uint8Array, trustedRoots: readonly X509Certificate[], at: Date): X509Certificate {
  const signed = AsnConvert.parse(AsnConvert.parse(token, ContentInfo).content, SignedData);
  const certs = (signed.certificates ?? []).flatMap((c) => (c.certificate ? [c.certificate] : []));
  const signer = signed.signerInfos[0];
  if (!signer || signed.signerInfos.length !== 1) throw refuse('令牌应当恰好有一个签名者');
  const asn = certs.find((c) => identifies(signer, c));
  if (!asn) throw refuse('令牌没有附带签名证书');
  const cert = new X509Certificate(Buffer.from(AsnConvert.serialize(asn)));
  checkSignature(signer, signed, cert);
  if (!(cert.keyUsage ?? []).includes(TIME_STAMPING_EKU)) throw refuse('签名证书不是时间戳专用证书');
  checkChain(cert, certs.map((c) => new X509Certificate(Buffer.from(AsnConvert.serialize(c)))), trustedRoots, at);
  return cert;
}

function identifies(signer: SignerInfo, cert: Certificate): boolean {
  const byIssuer = signer.sid.issuerAndSerialNumber;
  if (byIssuer) return Buffer.from(byIssuer.serialNumber).equals(Buffer.from(cert.tbsCertificate.serialNumber));
  const ski = signer.sid.subjectKeyIdentifier;
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectKeyIdentifier);
  return !!ski && !!ext && Buffer.from(AsnConvert.parse(ext.extnValue, SubjectKeyIdentifier).buffer).equals(Buffer.from(ski.buffer));
}

/** The signed attributes are signed (as a SET), and their messageDigest is the TSTInfo's hash. */
function checkSignature(signer: SignerInfo, signed: SignedData, cert: X509Certificate): void {
  const digest = digestNames[signer.digestAlgorithm.algorithm];
  if (!digest || !signer.signedAttrs) throw refuse('签名算法不受支持');
  const content = signed.encapContentInfo.eContent?.single?.buffer;
  const claimed = signer.signedAttrs.find((a) => a.attrType === MESSAGE_DIGEST_OID)?.attrValues[0];
  if (!content || !claimed) throw refuse('令牌缺少内容摘要');
  const actual = createHash(digest).update(Buffer.from(content)).digest();
  // attrValues hold the DER OCTET STRING: tag and length, then the hash.
  if (!Buffer.from(claimed).subarray(-actual.length).equals(actual)) throw refuse('令牌内容与签名不符');
  if (!verify(digest, signedAttributesDer(signer), cert.publicKey, Buffer.from(signer.signature.buffer))) throw refuse('签名无效');
}

/**
 * The signature covers the attributes DER-encoded as a SET OF (RFC 5652 §5.4), though they travel
 * as [0] IMPLICIT: the raw bytes when the parser kept them, else re-encoded (DER sorts the SET).
 */
function signedAttributesDer(signer: SignerInfo): Buffer {
  if (signer.signedAttrsRaw) {
    const raw = Buffer.from(signer.signedAttrsRaw);
    raw[0] = 0x31;
    return raw;
  }
  const items = (signer.signedAttrs ?? []).map((a) => Buffer.from(AsnConvert.serialize(a))).sort(Buffer.compare);
  const body = Buffer.concat(items);
  return Buffer.concat([Buffer.from([0x31]), derLength(body.length), body]);
}

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Walks issuer by issuer (intermediates from the token) until a trusted root signed the last one. */
function checkChain(leaf: X509Certificate, carried: X509Certificate[], roots: readonly X509Certificate[], at: Date): void {
  let cert = leaf;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (at < new Date(cert.validFrom) || at > new Date(cert.validTo)) throw refuse(`证书「${cert.subject}」在签发时间不在有效期内`);
    const root = roots.find((r) => cert.checkIssued(r) && cert.verify(r.publicKey));
    if (root) return;
    const next = carried.find((c) => c.ca && c !== cert && c.fingerprint256 !== cert.fingerprint256 && cert.checkIssued(c) && cert.verify(c.publicKey));
    if (!next) throw refuse(`证书「${cert.subject.replace(/\n/g, ', ')}」不是由受信任的根证书签发的`);
    cert = next;
  }
  throw refuse('证书链过长');
}
