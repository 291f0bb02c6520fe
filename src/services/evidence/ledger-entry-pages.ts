// Streams the ledger's rows in index order, PAGE rows per query, by keyset (index > last): one
// plain SQL statement per page, no Prisma model mapping, no OFFSET scans. The rows have the
// EvidenceEntry shape (jsonb parsed, timestamptz as Date), so checkLedgerEntry takes them as is.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import type { Db } from '../../db/client.ts';

/** Rows per query: large enough that round trips vanish, small enough to bound memory. */
export const VERIFY_PAGE = 2000;

/** @example for await (const page of ledgerEntryPages(db)) for (const e of page) … */
export async function* ledgerEntryPages(db: Db, page = VERIFY_PAGE): AsyncGenerator<EvidenceEntry[]> {
  for (let after = -1; ; ) {
    const rows = await db.$queryRaw<EvidenceEntry[]>`
      SELECT "index", "type", "subjectType", "subjectId", "employeeId"::text AS "employeeId", "payloadHash", "payloadRef", "metadata", "leafHash", "createdAt"
      FROM "EvidenceEntry" WHERE "index" > ${after} ORDER BY "index" LIMIT ${page}`;
    if (rows.length > 0) yield rows;
    if (rows.length < page) return;
    after = rows[rows.length - 1]!.index;
  }
}
