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

/**
 * Inserts in the order given (callers sort, so racing instances wait rather than deadlock);
 * returns the unique keys inserted now.
 * @example await insertAlerts(tx, [{ kind: 'transfer', stage: 'step2_due', uniqueKey, employeeId, dueOn: '2026-11-20', cardKey }]) // → Set { uniqueKey }
 */
export async function insertAlerts(tx: Tx, rows: readonly AlertRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const created = await tx.$queryRaw<{ uniqueKey: string }[]>`
    INSERT INTO "Alert" (id, kind, stage, "uniqueKey", "employeeId", "dueOn", "cardKey")
    SELECT gen_random_uuid(), u.kind, u.stage, u.key, u.employee_id::uuid, u.due_on::date, u.card_key
    FROM unnest(${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.stage)}::text[], ${rows.map((r) => r.uniqueKey)}::text[],
      ${rows.map((r) => r.employeeId)}::text[], ${rows.map((r) => r.dueOn)}::text[], ${rows.map((r) => r.cardKey)}::text[])
      WITH ORDINALITY AS u(kind, stage, key, employee_id, due_on, card_key, n)
    ORDER BY u.n
    ON CONFLICT ("uniqueKey") DO NOTHING
    RETURNING "uniqueKey"`;
  return new Set(created.map((a) => a.uniqueKey));
}
