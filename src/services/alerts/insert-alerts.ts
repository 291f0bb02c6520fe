// Many Alert rows in one `INSERT … SELECT FROM unnest`, for a sweep's batch: Prisma's
// createManyAndReturn cost ≈ 90 ms per 250 rows in the transfer bench (this statement ≈ 20 ms).
import type { Tx } from '../../db/client.ts';

export interface AlertRow {
  kind: string;
  stage: string;
  /** The Alert's unique key: a key already stored (a rerun, a racing instance) inserts nothing. */
  uniqueKey: string;
  employeeId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  cardKey: string | null;
}

/** Rows per statement: a large catch-up (a digest's thousands of alerts) stays in bounded statements. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Inserts in the order given (callers sort, so racing instances wait rather than deadlock), in
 * statements of ROWS_PER_STATEMENT rows; returns the unique keys inserted now.
 * @example await insertAlerts(tx, [{ kind: 'transfer', stage: 'step2_due', uniqueKey, employeeId, dueOn: '2026-11-20', cardKey }]) // → Set { uniqueKey }
 */
export async function insertAlerts(tx: Tx, rows: readonly AlertRow[]): Promise<Set<string>> {
  const created = new Set<string>();
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    for (const key of await insertStatement(tx, rows.slice(i, i + ROWS_PER_STATEMENT))) created.add(key);
  }
  return created;
}

async function insertStatement(tx: Tx, rows: readonly AlertRow[]): Promise<string[]> {
  const created = await tx.$queryRaw<{ uniqueKey: string }[]>`
    INSERT INTO "Alert" (id, kind, stage, "uniqueKey", "employeeId", "dueOn", "cardKey")
    SELECT gen_random_uuid(), u.kind, u.stage, u.key, u.employee_id::uuid, u.due_on::date, u.card_key
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.stage)}::text[], ${rows.map((r) => r.uniqueKey)}::text[],
      ${rows.map((r) => r.employeeId)}::text[], ${rows.map((r) => r.dueOn)}::text[], ${rows.map((r) => r.cardKey)}::text[])
      WITH ORDINALITY AS u(kind, stage, key, employee_id, due_on, card_key, n)
    ORDER BY u.n
    ON CONFLICT ("uniqueKey") DO NOTHING
    RETURNING "uniqueKey"`;
  return created.map((a) => a.uniqueKey);
}
