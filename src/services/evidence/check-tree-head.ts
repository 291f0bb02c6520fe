// Checks one signed tree head against the root recomputed from the entries, the company key and
// (when present) its RFC 3161 token. Returns why it fails, or null.
import { createHash } from 'node:crypto';
import type { TreeHead } from '../../generated/prisma/client.ts';
import type { LedgerKey } from '../../crypto/ledger-key.ts';
import { readTimestampToken } from '../../crypto/tsa-token.ts';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';

const IMPRINT_HASHES = new Set(['sha256', 'sha384', 'sha512']);

/** @example checkTreeHead(head, recomputedRoot, deps.ledgerKey) // → null */
export function checkTreeHead(head: TreeHead, root: Buffer, key: LedgerKey): string | null {
  if (head.rootHash !== root.toString('hex')) return `根哈希与重新计算的不符 (root ${head.rootHash} ≠ recomputed ${root.toString('hex')})`;
  if (head.keyId !== key.keyId) return `签名密钥不是本公司当前的台账密钥 (keyId ${head.keyId} ≠ ${key.keyId})`;
  const text = Buffer.from(treeHeadText({ size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId }), 'utf8');
  if (!key.verify(text, Buffer.from(head.signature, 'base64'))) return `Ed25519 签名无效 (signature does not verify)`;
  if (head.tsaToken) {
    try {
      const token = readTimestampToken(Buffer.from(head.tsaToken));
      if (!IMPRINT_HASHES.has(token.hashAlgorithm)) return `时间戳使用了不接受的摘要算法 ${token.hashAlgorithm} (weak TSA hash)`;
      const expected = createHash(token.hashAlgorithm).update(text).digest();
      if (!token.messageImprint.equals(expected)) return `可信时间戳不是针对此树头签发的 (TSA imprint does not match the head)`;
    } catch (error) {
      return `可信时间戳无法解析：${(error as Error).message} (TSA token unreadable)`;
    }
  }
  return null;
}
