// Reads the ledger's stored leaf hashes in index order, a page at a time, so sealing and proofs
// never hold more than one page of rows (plus 32 bytes per leaf where a proof needs them all).
import type { Db } from '../../db/client.ts';

export const LEDGER_PAGE = 1000;

/** Stored leaf hashes of entries 0..size-1, page by page. */
export async function* ledgerLeafHashes(db: Db, size: number, page = LEDGER_PAGE): AsyncGenerator<Buffer> {
  for (let from = 0; from < size; from += page) {
    const rows = await db.evidenceEntry.findMany({
      where: { index: { gte: from, lt: Math.min(size, from + page) } },
      orderBy: { index: 'asc' },
      select: { index: true, leafHash: true },
    });
    for (const [i, row] of rows.entries()) {
      if (row.index !== from + i) throw new Error(`evidence ledger has a gap at entry #${from + i}`);
      yield Buffer.from(row.leafHash, 'hex');
    }
    if (rows.length !== Math.min(page, size - from)) throw new Error(`evidence ledger has a gap at entry #${from + rows.length}`);
  }
}

/** Number of entries (the next index), assuming the gap-free indexes appendEvidence guarantees. */
export async function ledgerSize(db: Db): Promise<number> {
  const last = await db.evidenceEntry.findFirst({ orderBy: { index: 'desc' }, select: { index: true } });
  return last ? last.index + 1 : 0;
}
