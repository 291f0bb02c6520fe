// `sentinel evidence verify`: recomputes every entry from the stored documents and rows, every
// root from the entries, and checks every signed head, in index order and keyset pages of rows. The
// first mismatch is reported by entry index and type (《民事诉讼证据规定》第九十三条: 能否发现错误).
import { createMerkleAccumulator } from '../../domain/evidence/merkle.ts';
import type { ServiceDeps } from '../deps.ts';
import { checkLedgerEntry, isDeletedOriginal } from './check-ledger-entry.ts';
import { checkTreeHead } from './check-tree-head.ts';
import { ledgerEntryPages } from './ledger-entry-pages.ts';
import { loadLedgerPayloads } from './load-ledger-payloads.ts';

export interface LedgerFailure {
  /** The first entry that no longer matches. */
  index?: number;
  /** Its type, e.g. 'signature'. */
  type?: string;
  /** The signed head that no longer matches. */
  headSize?: number;
  reason: string;
}

/** deletedOriginals (only when any): entries whose document was deleted at the end of its retention period (原件已按保存期限删除). */
export type LedgerVerification = { ok: true; entries: number; heads: number; deletedOriginals?: number } | { ok: false; entries: number; heads: number; failure: LedgerFailure };

/**
 * page: rows per query (VERIFY_PAGE; tests use small pages to cross page boundaries).
 * @example const v = await verifyLedger(deps, { onProgress: (done, total) => … }); if (!v.ok) v.failure.index
 */
export async function verifyLedger(
  deps: Pick<ServiceDeps, 'db' | 'files' | 'ledgerKey'>,
  opts: { onProgress?(done: number, total: number): void; page?: number } = {},
): Promise<LedgerVerification> {
  const entries = await deps.db.evidenceEntry.count();
  const heads = await deps.db.treeHead.findMany({ orderBy: { size: 'asc' } });
  const fail = (failure: LedgerFailure): LedgerVerification => ({ ok: false, entries, heads: heads.length, failure });
  const acc = createMerkleAccumulator();
  let deletedOriginals = 0;
  let nextHead = 0;
  /** Checks every head whose size the accumulator has just reached. */
  const headsHere = (): LedgerFailure | null => {
    for (; nextHead < heads.length && heads[nextHead]!.size <= acc.size(); nextHead++) {
      const head = heads[nextHead]!;
      const problem = head.size === acc.size() ? checkTreeHead(head, acc.root(), deps.ledgerKey) : `签名树头的大小无效 (invalid head size)`;
      if (problem) return { headSize: head.size, reason: problem };
    }
    return null;
  };
  const empty = headsHere();
  if (empty) return fail(empty);
  // The next page and its payloads load while this one is judged, so the database and the
  // hashing overlap; the entries are still judged one by one, in index order.
  const pages = ledgerEntryPages(deps.db, opts.page)[Symbol.asyncIterator]();
  const load = async () => {
    const page = await pages.next();
    return page.done ? null : { batch: page.value, payloads: await loadLedgerPayloads(deps, page.value) };
  };
  let next = load();
  for (let current = await next; current; current = await next) {
    next = load();
    // An early return below leaves the prefetch unread; it must not become an unhandled rejection.
    next.catch(() => undefined);
    const { batch, payloads } = current;
    for (const entry of batch) {
      const expected = acc.size();
      if (entry.index !== expected) return fail({ index: expected, reason: `条目 #${expected} 缺失，序号不连续 (entry missing)` });
      const problem = checkLedgerEntry(payloads, entry);
      if (problem) return fail({ index: entry.index, type: entry.type, reason: problem });
      if (isDeletedOriginal(payloads, entry)) deletedOriginals++;
      acc.push(Buffer.from(entry.leafHash, 'hex'));
      if (nextHead < heads.length && heads[nextHead]!.size <= acc.size()) {
        const headProblem = headsHere();
        if (headProblem) return fail(headProblem);
      }
    }
    opts.onProgress?.(acc.size(), entries);
  }
  if (nextHead < heads.length) {
    const head = heads[nextHead]!;
    return fail({ headSize: head.size, reason: `签名树头声称有 ${head.size} 条证据，但台账只有 ${acc.size()} 条 (head is larger than the ledger)` });
  }
  return { ok: true, entries, heads: heads.length, ...(deletedOriginals > 0 && { deletedOriginals }) };
}
