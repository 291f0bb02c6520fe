// Re-derives one ledger entry from what it claims to prove: the stored document's bytes or the
// database row (both preloaded for the whole batch by loadLedgerPayloads), then the leaf hash
// from the entry's own columns. Returns why it no longer matches, or null.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import { entryLeafData } from '../../domain/evidence/entry-leaf.ts';
import { leafHash } from '../../domain/evidence/merkle.ts';
import { payloadRef, rowKey, type LedgerPayloads } from './load-ledger-payloads.ts';
import { evidenceRowTables, missingEvidenceRow, type EvidenceRowTable } from './row-projections.ts';

function payloadProblem(payloads: LedgerPayloads, e: EvidenceEntry): string | null {
  const ref = payloadRef(e);
  if (ref.kind === 'file') {
    if (typeof ref.sha256 !== 'string' || ref.sha256 !== e.payloadHash) return `文件引用与 payloadHash 不一致 (file reference does not match payloadHash)`;
    if (!payloads.storedFiles.has(ref.sha256)) return `文件登记（StoredFile）缺失：${ref.sha256} (stored file row missing)`;
    const read = payloads.fileHashes.get(ref.sha256);
    // 个人信息保护法 第四十七条: an original deleted at the end of its retention period, with the deletion on record.
    if ((!read || 'error' in read) && payloads.deletedFiles.has(ref.sha256)) return null;
    if (!read || 'error' in read) return `文件无法读取：${read?.error ?? '未读取'} (stored document missing)`;
    return read.actual === e.payloadHash ? null : `文件内容已被改动：SHA-256 为 ${read.actual}，登记为 ${e.payloadHash} (stored document changed)`;
  }
  if (ref.kind === 'row') {
    if (!evidenceRowTables.includes(ref.table as EvidenceRowTable) || typeof ref.id !== 'string') return `数据行引用无效 (invalid row reference)`;
    const actual = payloads.rowHashes.get(rowKey(ref.table as EvidenceRowTable, ref.id));
    if (actual === undefined) return `${missingEvidenceRow(ref.table as EvidenceRowTable, ref.id).message} (referenced row missing)`;
    return actual === e.payloadHash ? null : `${String(ref.table)} ${ref.id} 的内容已被改动 (referenced row changed)`;
  }
  return `未知的证据类型引用 (unknown payload reference)`;
}

/** True when the entry's document is gone because it was deleted lawfully (the entry itself still verifies). */
export function isDeletedOriginal(payloads: LedgerPayloads, e: EvidenceEntry): boolean {
  const ref = payloadRef(e);
  if (ref.kind !== 'file' || typeof ref.sha256 !== 'string' || !payloads.deletedFiles.has(ref.sha256)) return false;
  const read = payloads.fileHashes.get(ref.sha256);
  return !read || 'error' in read;
}

/** @example const payloads = await loadLedgerPayloads(deps, batch); checkLedgerEntry(payloads, batch[0]) // → null, or '文件内容已被改动…' */
export function checkLedgerEntry(payloads: LedgerPayloads, e: EvidenceEntry): string | null {
  const problem = payloadProblem(payloads, e);
  if (problem) return problem;
  const recomputed = leafHash(
    entryLeafData({
      index: e.index,
      type: e.type,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      employeeId: e.employeeId,
      payloadHash: e.payloadHash,
      payloadRef: e.payloadRef,
      metadata: e.metadata,
      createdAt: e.createdAt.toISOString(),
    }),
  ).toString('hex');
  return recomputed === e.leafHash ? null : `条目字段与叶哈希不符，条目已被改动 (entry columns do not match its leaf hash)`;
}
