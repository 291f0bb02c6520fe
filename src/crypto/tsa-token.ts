// Reads the facts out of an RFC 3161 TimeStampToken (a CMS SignedData whose content is a TSTInfo):
// when the TSA says it saw the data and which hash it saw. Checking the TSA's own signature and
// certificate chain is left to `openssl ts -verify`, which needs the TSA's CA certificate anyway.
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, SignedData, id_signedData } from '@peculiar/asn1-cms';
import { TSTInfo, id_ct_tstInfo } from '@peculiar/asn1-tsp';
import { AppError } from '../errors.ts';

export interface TimestampTokenFacts {
  genTime: Date;
  /** The hash the TSA signed (of the tree head text, for our tokens). */
  messageImprint: Buffer;
  /** 'sha256', 'sha384', 'sha512', 'sha1', or the OID when unknown. */
  hashAlgorithm: string;
  /** Serial number as lower-case hex. */
  serialNumber: string;
  /** The nonce echoed from the request (hex), when present. */
  nonce?: string;
}

const hashNames: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

export const SHA256_OID = '2.16.840.1.101.3.4.2.1';

/**
 * @example readTimestampToken(treeHead.tsaToken).genTime // → 2026-12-01T06:00:00.000Z
 */
export function readTimestampToken(der: Buffer): TimestampTokenFacts {
  return tstInfoFacts(parseTstInfo(der));
}

export function tstInfoFacts(info: TSTInfo): TimestampTokenFacts {
  const oid = info.messageImprint.hashAlgorithm.algorithm;
  return {
    genTime: info.genTime,
    messageImprint: Buffer.from(info.messageImprint.hashedMessage.buffer),
    hashAlgorithm: hashNames[oid] ?? oid,
    serialNumber: Buffer.from(info.serialNumber).toString('hex'),
    nonce: info.nonce ? unsignedHex(Buffer.from(info.nonce)) : undefined,
  };
}

/** DER INTEGERs carry a leading 0x00 when the high bit is set; compare nonces without it. */
export function unsignedHex(bytes: Buffer): string {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i).toString('hex');
}

export function parseTstInfo(der: Uint8Array): TSTInfo {
  try {
    const info = AsnConvert.parse(der, ContentInfo);
    if (info.contentType !== id_signedData) throw new Error(`contentType ${info.contentType} is not signedData`);
    const signed = AsnConvert.parse(info.content, SignedData);
    const encap = signed.encapContentInfo;
    if (encap.eContentType !== id_ct_tstInfo) throw new Error(`eContentType ${encap.eContentType} is not TSTInfo`);
    const content = encap.eContent?.single ?? (encap.eContent?.any ? AsnConvert.parse(encap.eContent.any, OctetString) : undefined);
    if (!content) throw new Error('no TSTInfo content');
    return AsnConvert.parse(content.buffer, TSTInfo);
  } catch (error) {
    throw new AppError('bad_request', `时间戳令牌无法解析（RFC 3161 TimeStampToken / invalid time-stamp token）：${(error as Error).message}`);
  }
}
