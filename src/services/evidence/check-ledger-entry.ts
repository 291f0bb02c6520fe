// Re-derives one ledger entry from what it claims to prove: the stored document's bytes or the
// database row, then the leaf hash from the entry's own columns. Returns why it no longer
// matches, or null. Used by verifyLedger, one entry at a time.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import { entryLeafData } from '../../domain/evidence/entry-leaf.ts';
import { leafHash } from '../../domain/evidence/merkle.ts';
import type { ServiceDeps } from '../deps.ts';
import { rowPayloadHash, sha256Hex } from './append-evidence.ts';
import { evidenceRowTables, type EvidenceRowTable } from './row-projections.ts';

type PayloadRef = { kind?: unknown; sha256?: unknown; table?: unknown; id?: unknown };

async function payloadProblem(deps: Pick<ServiceDeps, 'db' | 'files'>, e: EvidenceEntry): Promise<string | null> {
  const ref = (e.payloadRef ?? {}) as PayloadRef;
  if (ref.kind === 'file') {
    if (typeof ref.sha256 !== 'string' || ref.sha256 !== e.payloadHash) return `文件引用与 payloadHash 不一致 (file reference does not match payloadHash)`;
    if (!(await deps.db.storedFile.findUnique({ where: { sha256: ref.sha256 } }))) return `文件登记（StoredFile）缺失：${ref.sha256} (stored file row missing)`;
    let bytes: Buffer;
    try {
      bytes = await deps.files.get(ref.sha256);
    } catch (error) {
      return `文件无法读取：${(error as Error).message} (stored document missing)`;
    }
    const actual = sha256Hex(bytes);
    return actual === e.payloadHash ? null : `文件内容已被改动：SHA-256 为 ${actual}，登记为 ${e.payloadHash} (stored document changed)`;
  }
  if (ref.kind === 'row') {
    if (!evidenceRowTables.includes(ref.table as EvidenceRowTable) || typeof ref.id !== 'string') return `数据行引用无效 (invalid row reference)`;
    let actual: string;
    try {
      actual = await rowPayloadHash(deps.db, ref.table as EvidenceRowTable, ref.id);
    } catch (error) {
      return `${(error as Error).message} (referenced row missing)`;
    }
    return actual === e.payloadHash ? null : `${String(ref.table)} ${ref.id} 的内容已被改动 (referenced row changed)`;
  }
  return `未知的证据类型引用 (unknown payload reference)`;
}

/** @example await checkLedgerEntry(deps, entry) // → null, or '文件内容已被改动…' */
export async function checkLedgerEntry(deps: Pick<ServiceDeps, 'db' | 'files'>, e: EvidenceEntry): Promise<string | null> {
  const problem = await payloadProblem(deps, e);
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
