// The open pension transfers a reminder run reads, in keyset pages of PAGE cases with their steps:
// two prepared statements per page, the cases by keyset and their steps by id array. A join (or a
// subquery per case) was planned as a hash join over every step row, or an executor start per
// case: 2–3 times the cost of the two plain reads.
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

export interface OpenTransferStep {
  id: string;
  step: number;
  /** 'YYYY-MM-DD', null while not done. */
  doneOn: string | null;
}

export interface OpenTransfer {
  id: string;
  employeeId: string;
  fromCity: string;
  toCity: string;
  /** 'YYYY-MM-DD': step 1's done day. */
  startedOn: string;
  /** In step order. */
  steps: OpenTransferStep[];
}

const PAGE = 500;
const FIRST = '00000000-0000-0000-0000-000000000000';

// ORDER BY the uuid column, not the text alias `id`: sorting by the alias cannot follow the primary
// key, so every page read and sorted all the cases after the cursor (10,000 rows per page at 1M).
export const CASES_SQL = `SELECT id::text AS id, "employeeId"::text AS "employeeId", "fromCity", "toCity", to_char("startedOn", 'YYYY-MM-DD') AS "startedOn"
  FROM "PensionTransfer" WHERE state = 'OPEN' AND "startedOn" <= $1::date AND id > $2::uuid ORDER BY "PensionTransfer".id LIMIT $3`;
const STEPS_SQL = `SELECT "transferId"::text AS "transferId", id::text AS id, step, to_char("doneOn", 'YYYY-MM-DD') AS "doneOn"
  FROM "PensionTransferStep" WHERE "transferId" = ANY($1::uuid[]) ORDER BY "transferId", step`;

type CaseRow = Omit<OpenTransfer, 'steps'>;
type StepRow = OpenTransferStep & { transferId: string };

/** @example for await (const page of openTransferPages(db, '2026-11-20')) for (const t of page) … */
export async function* openTransferPages(db: Db, asOf: string, pageSize = PAGE): AsyncGenerator<OpenTransfer[]> {
  for (let after = FIRST; ; ) {
    const cases = await preparedQuery<CaseRow>(db, 'open-transfer-cases', CASES_SQL, [asOf, after, pageSize]);
    if (cases.length > 0) yield withSteps(cases, await preparedQuery<StepRow>(db, 'open-transfer-steps', STEPS_SQL, [cases.map((c) => c.id)]));
    // A short page is the last one: no query just to find the next page empty.
    if (cases.length < pageSize) return;
    after = cases[cases.length - 1]!.id;
  }
}

function withSteps(cases: readonly CaseRow[], steps: readonly StepRow[]): OpenTransfer[] {
  const of = new Map(cases.map((c) => [c.id, [] as OpenTransferStep[]]));
  for (const { transferId, ...step } of steps) of.get(transferId)?.push(step);
  return cases.map((c) => ({ ...c, steps: of.get(c.id) ?? [] }));
}
