// Streams the ledger's rows in index order, PAGE rows per query, by keyset (index > last): one
// plain SQL statement per page, no Prisma model mapping, no OFFSET scans. It runs as a named
// prepared statement on the pool under Prisma (no query interpreter: at 1M entries that was a
// tenth of verification's time). The rows have the EvidenceEntry shape (jsonb parsed,
// timestamptz as Date), so checkLedgerEntry takes them as is.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

/** Rows per query: large enough that round trips vanish, small enough to bound memory. */
export const VERIFY_PAGE = 2000;

/** @example for await (const page of ledgerEntryPages(db)) for (const e of page) … */
const PAGE_SQL = `SELECT "index", "type", "subjectType", "subjectId", "employeeId"::text AS "employeeId", "payloadHash", "payloadRef", "metadata", "leafHash", "createdAt"
  FROM "EvidenceEntry" WHERE "index" > $1 ORDER BY "index" LIMIT $2`;

export async function* ledgerEntryPages(db: Db, page = VERIFY_PAGE): AsyncGenerator<EvidenceEntry[]> {
  const read = (after: number) => preparedQuery<EvidenceEntry>(db, 'ledger-entry-page', PAGE_SQL, [after, page]);
  for (let after = -1; ; ) {
    const rows = await read(after);
    if (rows.length > 0) yield rows;
    if (rows.length < page) return;
    after = rows[rows.length - 1]!.index;
  }
}
