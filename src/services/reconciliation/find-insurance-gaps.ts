// Who is insured that should not be, and who is not that should be: one set-based query per kind
// over the whole roster (no per-employee queries), so a run costs the same few statements for
// ten or ten thousand employees.
import type { Db } from '../../db/client.ts';
import type { Mismatch } from './reconciliation-kinds.ts';
import type { MonthBounds } from './reconciliation-month.ts';

type Row = { employeeId: string; details: Record<string, unknown> };

/**
 * Employed for the whole month (started before it, not leaving in it) and nothing paid (Art. 58/84).
 * 自离 (ABSCONDED) counts as employed: absence ends no contract, so contributions are owed until
 * the contract is lawfully ended (劳动合同法 第三十九条 / 第五十条).
 */
async function activeNotInsured(db: Db, m: MonthBounds): Promise<Row[]> {
  // An ACTIVE employee paid for last month is `stopped_while_active` instead: one task per problem.
  return db.$queryRaw<Row[]>`
    SELECT e.id AS "employeeId",
           jsonb_build_object('status', e.status::text, 'startDate', to_char(e."startDate", 'YYYY-MM-DD')) AS details
    FROM "Employee" e
    WHERE e.status IN ('ACTIVE', 'UNPAID_LEAVE', 'PENDING_EXIT', 'ABSCONDED')
      AND e."startDate" < ${m.start}::date
      AND (e."exitDate" IS NULL OR e."exitDate" >= ${m.nextStart}::date)
      AND NOT EXISTS (SELECT 1 FROM "ContributionRecord" c WHERE c."employeeId" = e.id AND c.month = ${m.month})
      AND NOT (e.status = 'ACTIVE' AND EXISTS (
        SELECT 1 FROM "ContributionRecord" p WHERE p."employeeId" = e.id AND p.month = ${m.previous}))`;
}

/** Left before the month and still paid for it: names every month paid after the exit month. */
async function exitedStillInsured(db: Db, m: MonthBounds): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT e.id AS "employeeId",
           jsonb_build_object(
             'exitDate', to_char(e."exitDate", 'YYYY-MM-DD'),
             'monthsPaidAfterExit', array_agg(DISTINCT c.month ORDER BY c.month),
             'paidAfterExitFen', sum(c."employerFen" + c."employeeFen")) AS details
    FROM "Employee" e
    JOIN "ContributionRecord" c ON c."employeeId" = e.id
     AND c.month > to_char(e."exitDate", 'YYYY-MM') AND c.month <= ${m.month}
    WHERE e.status = 'EXITED' AND e."exitDate" < ${m.start}::date
    GROUP BY e.id, e."exitDate"
    HAVING bool_or(c.month = ${m.month})`;
}

/** Paid for last month, nothing this month, HR says ACTIVE: possible absconding (PRODUCT.md §E). */
async function stoppedWhileActive(db: Db, m: MonthBounds): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT e.id AS "employeeId",
           jsonb_build_object('lastPaidMonth', ${m.previous}::text,
             'insuranceTypes', array_agg(DISTINCT p."insuranceType"::text ORDER BY p."insuranceType"::text)) AS details
    FROM "Employee" e
    JOIN "ContributionRecord" p ON p."employeeId" = e.id AND p.month = ${m.previous}
    WHERE e.status = 'ACTIVE'
      AND NOT EXISTS (SELECT 1 FROM "ContributionRecord" c WHERE c."employeeId" = e.id AND c.month = ${m.month})
    GROUP BY e.id`;
}

export async function findInsuranceGaps(db: Db, m: MonthBounds): Promise<Mismatch[]> {
  const [a, b, c] = [await activeNotInsured(db, m), await exitedStillInsured(db, m), await stoppedWhileActive(db, m)];
  return [
    ...a.map((r) => ({ kind: 'active_not_insured' as const, ...r })),
    ...b.map((r) => ({ kind: 'exited_still_insured' as const, ...r })),
    ...c.map((r) => ({ kind: 'stopped_while_active' as const, ...r })),
  ];
}
