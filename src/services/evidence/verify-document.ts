// "Is this file genuine?" for anyone holding one of our documents: its SHA-256 must be the
// payload of a ledger entry whose leaf hash still matches, and that leaf must be included in the
// latest signed tree head. A single changed byte changes the SHA-256, so the file is not found.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { formatDateTime } from '../../domain/dates.ts';
import { leafHash, verifyInclusion } from '../../domain/evidence/merkle.ts';
import { merkleLevels } from '../../domain/evidence/merkle-levels.ts';
import { evidenceEntryLabel } from '../../domain/evidence/evidence-labels.ts';
import { treeHeadText } from '../../domain/evidence/tree-head-text.ts';
import type { DocumentVerification } from '../../domain/views/evidence.ts';
import type { ServiceDeps } from '../deps.ts';
import { entryLeafBytes } from './entry-leaf-bytes.ts';
import { leafHashesUpTo } from './signed-heads.ts';

const NOT_FOUND = '❌ 本公司的证据台账中没有这个文件：文件可能被改动过（哪怕只改一个字节，SHA-256 也会完全不同），或并非由本系统签发';

/**
 * The file as bytes, or the path of an upload on disk (hashed as a stream, never held in memory).
 * @example const v = await verifyDocument(deps, { bytes: uploadedPdf }); v.authentic
 */
export async function verifyDocument(deps: ServiceDeps, opts: { bytes: Uint8Array } | { path: string }): Promise<DocumentVerification> {
  const sha256 = 'path' in opts ? await sha256OfFile(opts.path) : createHash('sha256').update(opts.bytes).digest('hex');
  const rows = await deps.db.evidenceEntry.findMany({ where: { payloadHash: sha256 }, orderBy: { index: 'asc' }, take: 20 });
  const entries = rows.map((e) => ({ index: e.index, type: e.type, subjectType: e.subjectType, subjectId: e.subjectId, createdAt: e.createdAt.toISOString() }));
  if (rows.length === 0) return { authentic: false, sha256, reasons: [NOT_FOUND], entries };

  const reasons = [`✅ 文件的 SHA-256（${sha256}）是证据台账条目 ${rows.map((e) => `#${e.index}`).join('、')} 记录的内容`];
  const head = await deps.db.treeHead.findFirst({ orderBy: { size: 'desc' } });
  if (!head) return { authentic: false, sha256, reasons: [...reasons, '❌ 证据台账还没有签名树头，暂时无法核验'], entries };
  const text = treeHeadText({ size: head.size, rootHash: head.rootHash, signedAt: head.signedAt.toISOString(), keyId: head.keyId });
  const headOk = head.keyId === deps.ledgerKey.keyId && deps.ledgerKey.verify(Buffer.from(text, 'utf8'), Buffer.from(head.signature, 'base64'));
  reasons.push(headOk ? `✅ 最新签名树头（${head.size} 条证据，签于北京时间 ${formatDateTime(deps.businessTz, head.signedAt)}）的 Ed25519 签名有效` : '❌ 最新签名树头的签名无效或不是本公司的密钥');

  const tree = merkleLevels(await leafHashesUpTo(deps, head.size));
  const rootOk = tree.root().toString('hex') === head.rootHash;
  if (!rootOk) reasons.push('❌ 台账中的条目与签名树根不符：台账已被改动');
  let verified = 0;
  for (const e of rows) {
    const leaf = leafHash(entryLeafBytes(e));
    if (leaf.toString('hex') !== e.leafHash) {
      reasons.push(`❌ 条目 #${e.index} 的字段与其叶子哈希不符：条目已被改动`);
    } else if (e.index >= head.size) {
      reasons.push(`❌ 条目 #${e.index} 尚未被签名树头覆盖，请稍后再试`);
    } else if (rootOk && verifyInclusion({ leafHash: leaf, index: e.index, size: head.size, proof: tree.proof(e.index), root: Buffer.from(head.rootHash, 'hex') })) {
      reasons.push(`✅ 条目 #${e.index}（${evidenceEntryLabel(e.type)}，北京时间 ${formatDateTime(deps.businessTz, e.createdAt)}）包含在签名树中（RFC 6962 包含证明）`);
      verified++;
    } else {
      reasons.push(`❌ 条目 #${e.index} 的包含证明不能推导出签名树根`);
    }
  }
  return { authentic: headOk && rootOk && verified > 0, sha256, reasons, entries, treeSize: head.size, signedAt: head.signedAt.toISOString() };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
