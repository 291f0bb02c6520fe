// Contributions for the reconciliation and KPI benches, set-based on top of seedRoster: every
// ACTIVE employee has a monthly wage and pension + medical records for the two months before
// asOf's month, except 1 % who stopped being paid in the later month (停保, stopped_while_active)
// and 1 % paid on half the wage in it (base_mismatch_wage).
import pg from 'pg';

export const STOPPED_PER_CENT = 1;
export const LOW_BASE_PER_CENT = 1;
const WAGE_FEN = 1_200_000;

/** Seeds months `previous` and `month` ('YYYY-MM'); returns the rows inserted and the mismatches planted. */
export async function seedContributions(url: string, previous: string, month: string): Promise<{ contributions: number; stopped: number; lowBase: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Employee" SET "monthlyWageFen" = ${WAGE_FEN}`);
    // Slot = the employee number's digits mod 100: 7 stopped, 8 low base (employee numbers are 'B' + i).
    const r = await client.query(
      `INSERT INTO "ContributionRecord" (id, "employeeId", month, "insuranceType", "baseFen", "employerFen", "employeeFen", "sourceFile")
       SELECT gen_random_uuid(), e.id, m.month, t.type::"InsuranceType",
              CASE WHEN m.month = $2 AND s.slot = 8 THEN ${WAGE_FEN / 2} ELSE ${WAGE_FEN} END, 19200, 9600, 'bench.xlsx'
       FROM "Employee" e
       CROSS JOIN LATERAL (SELECT CASE WHEN e."employeeNo" LIKE 'B%' THEN substr(e."employeeNo", 2)::int % 100 ELSE -1 END AS slot) s
       CROSS JOIN (VALUES ($1::text), ($2::text)) AS m(month)
       CROSS JOIN (VALUES ('PENSION'), ('MEDICAL')) AS t(type)
       WHERE e.status = 'ACTIVE' AND NOT (m.month = $2 AND s.slot = 7)`,
      [previous, month],
    );
    await client.query('ANALYZE');
    const count = async (slot: number) => Number((await client.query<{ c: string }>(`SELECT count(*) AS c FROM "Employee" WHERE status = 'ACTIVE' AND "employeeNo" LIKE 'B%' AND substr("employeeNo", 2)::int % 100 = ${slot}`)).rows[0]?.c ?? 0);
    return { contributions: r.rowCount ?? 0, stopped: await count(7), lowBase: await count(8) };
  } finally {
    await client.end();
  }
}

/** Counts rows of the given tables (quoted Prisma model names) in one round trip. */
export async function countRows(db: { $queryRawUnsafe<T>(sql: string): Promise<T> }, tables: Record<string, string>): Promise<Record<string, number>> {
  const cols = Object.entries(tables).map(([label, sql]) => `(${sql}) AS "${label}"`).join(', ');
  const [row] = await db.$queryRawUnsafe<Array<Record<string, bigint>>>(`SELECT ${cols}`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
