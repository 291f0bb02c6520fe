// The open pension transfers a reminder run reads, in keyset pages of PAGE cases: each case with
// its employee's name and its steps, and for each step not yet done whether its 今日到期 and 已逾期
// Alerts exist already. One prepared statement per page reads all of it (the run used to take four
// Prisma queries per page: cases, steps, sent Alerts, names).
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { TRANSFER_ALERT_KIND } from './transfer-alert-key.ts';

export interface OpenTransferStep {
  id: string;
  step: number;
  /** 'YYYY-MM-DD', null while not done. */
  doneOn: string | null;
  /** The step's reminders already sent (their Alert rows exist); false for a step done. */
  sent: { due: boolean; overdue: boolean };
}

export interface OpenTransfer {
  id: string;
  employeeId: string;
  /** Null when the employee's row is gone. */
  employeeName: string | null;
  fromCity: string;
  toCity: string;
  /** 'YYYY-MM-DD': step 1's done day. */
  startedOn: string;
  steps: OpenTransferStep[];
}

const PAGE = 500;
const FIRST = '00000000-0000-0000-0000-000000000000';

// The Alert keys are transferAlertKey's: `<kind>:<step id>:<due|overdue>`, probed on their unique index.
const PAGE_SQL = `WITH page AS (
    SELECT id, "employeeId", "fromCity", "toCity", "startedOn" FROM "PensionTransfer"
    WHERE state = 'OPEN' AND "startedOn" <= $1::date AND id > $2::uuid ORDER BY id LIMIT $3)
  SELECT p.id::text AS "transferId", p."employeeId"::text AS "employeeId", e.name AS "employeeName", p."fromCity", p."toCity",
    to_char(p."startedOn", 'YYYY-MM-DD') AS "startedOn", s.id::text AS "stepId", s.step, to_char(s."doneOn", 'YYYY-MM-DD') AS "doneOn",
    s."doneOn" IS NULL AND EXISTS (SELECT 1 FROM "Alert" a WHERE a."uniqueKey" = $4 || ':' || s.id::text || ':due') AS "dueSent",
    s."doneOn" IS NULL AND EXISTS (SELECT 1 FROM "Alert" a WHERE a."uniqueKey" = $4 || ':' || s.id::text || ':overdue') AS "overdueSent"
  FROM page p LEFT JOIN "PensionTransferStep" s ON s."transferId" = p.id LEFT JOIN "Employee" e ON e.id = p."employeeId"
  ORDER BY p.id, s.step`;

interface Row {
  transferId: string;
  employeeId: string;
  employeeName: string | null;
  fromCity: string;
  toCity: string;
  startedOn: string;
  /** Null for a case without step rows (LEFT JOIN: every case of the page comes back, so a page is never short by mistake). */
  stepId: string | null;
  step: number;
  doneOn: string | null;
  dueSent: boolean;
  overdueSent: boolean;
}

/** @example for await (const page of openTransferPages(db, '2026-11-20')) for (const t of page) … */
export async function* openTransferPages(db: Db, asOf: string, pageSize = PAGE): AsyncGenerator<OpenTransfer[]> {
  for (let after = FIRST; ; ) {
    const page = casesOf(await preparedQuery<Row>(db, 'open-transfer-page', PAGE_SQL, [asOf, after, pageSize, TRANSFER_ALERT_KIND]));
    if (page.length > 0) yield page;
    // A short page is the last one: no query just to find the next page empty.
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}

/** Rows come ordered by case, then step: one case per run of rows. */
function casesOf(rows: readonly Row[]): OpenTransfer[] {
  const cases: OpenTransfer[] = [];
  for (const r of rows) {
    let t = cases[cases.length - 1];
    if (t?.id !== r.transferId) {
      t = { id: r.transferId, employeeId: r.employeeId, employeeName: r.employeeName, fromCity: r.fromCity, toCity: r.toCity, startedOn: r.startedOn, steps: [] };
      cases.push(t);
    }
    if (r.stepId !== null) t.steps.push({ id: r.stepId, step: r.step, doneOn: r.doneOn, sent: { due: r.dueSent, overdue: r.overdueSent } });
  }
  return cases;
}
