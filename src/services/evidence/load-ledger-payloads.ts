// Loads what a batch of ledger entries claims to prove, set-based: one query per row table, one
// StoredFile query, and the stored documents read a few at a time. Only hashes are kept, so a
// batch never holds more than the documents being read. checkLedgerEntry then judges each entry.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { projectionHash, sha256Hex } from './payload-hashes.ts';
import { evidenceRowTables, projectEvidenceRows, type EvidenceRowTable } from './row-projections.ts';

export type PayloadRef = { kind?: unknown; sha256?: unknown; table?: unknown; id?: unknown };

export interface LedgerPayloads {
  /** SHA-256 of each referenced row's projection, by rowKey(table, id); absent when the row is gone. */
  rowHashes: Map<string, string>;
  /** sha256 of every referenced document that has a StoredFile row. */
  storedFiles: Set<string>;
  /** SHA-256 of each readable referenced document's bytes, or why the file store could not read it. */
  fileHashes: Map<string, { actual: string } | { error: string }>;
  /**
   * Referenced documents deleted at the end of their retention period: a FileDeletion row whose
   * ledger entry (a `retention.file_deleted` entry naming the same hash) proves it was recorded.
   */
  deletedFiles: Set<string>;
}

/** Documents read at once: enough to keep the thread pool busy, few enough to bound memory. */
const FILE_READS = 16;

export const rowKey = (table: string, id: string) => `${table} ${id}`;
export const payloadRef = (e: EvidenceEntry) => (e.payloadRef ?? {}) as PayloadRef;

/** @example const payloads = await loadLedgerPayloads(deps, batch); checkLedgerEntry(payloads, batch[0]) */
export async function loadLedgerPayloads(deps: Pick<ServiceDeps, 'db' | 'files'>, entries: readonly EvidenceEntry[]): Promise<LedgerPayloads> {
  const rowIds = new Map<EvidenceRowTable, string[]>();
  const fileShas = new Set<string>();
  for (const e of entries) {
    const ref = payloadRef(e);
    if (ref.kind === 'row' && evidenceRowTables.includes(ref.table as EvidenceRowTable) && typeof ref.id === 'string') {
      const ids = rowIds.get(ref.table as EvidenceRowTable);
      if (ids) ids.push(ref.id);
      else rowIds.set(ref.table as EvidenceRowTable, [ref.id]);
    }
    // A reference that disagrees with payloadHash fails before its file matters.
    if (ref.kind === 'file' && typeof ref.sha256 === 'string' && ref.sha256 === e.payloadHash) fileShas.add(ref.sha256);
  }
  const rowHashes = new Map<string, string>();
  const loadRows = async () => {
    for (const [table, ids] of rowIds) {
      for (const [id, projection] of await projectEvidenceRows(deps.db, table, ids)) rowHashes.set(rowKey(table, id), projectionHash(projection));
    }
  };
  const storedFiles = new Set<string>();
  const fileHashes = new Map<string, { actual: string } | { error: string }>();
  const deletedFiles = new Set<string>();
  const loadFiles = async () => {
    const stored = fileShas.size ? await deps.db.storedFile.findMany({ where: { sha256: { in: [...fileShas] } }, select: { sha256: true } }) : [];
    for (const f of stored) storedFiles.add(f.sha256);
    const deleted = storedFiles.size
      ? await deps.db.$queryRaw<{ sha256: string }[]>`
          SELECT d."sha256" FROM "FileDeletion" d JOIN "EvidenceEntry" x ON x."index" = d."evidenceIndex"
          WHERE d."sha256" = ANY(${[...storedFiles]}::text[]) AND x."type" = 'retention.file_deleted' AND x."metadata"->>'sha256' = d."sha256"`
      : [];
    for (const d of deleted) deletedFiles.add(d.sha256);
    const queue = [...storedFiles];
    let next = 0;
    const worker = async () => {
      for (let sha = queue[next++]; sha !== undefined; sha = queue[next++]) {
        try {
          fileHashes.set(sha, { actual: sha256Hex(await deps.files.get(sha)) });
        } catch (error) {
          fileHashes.set(sha, { error: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: FILE_READS }, worker));
  };
  // The row queries and the document reads wait on different things (database, disk): overlap them.
  await Promise.all([loadRows(), loadFiles()]);
  return { rowHashes, storedFiles, fileHashes, deletedFiles };
}
