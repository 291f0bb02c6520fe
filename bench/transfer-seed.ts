// Pension transfers for the transfer-reminders bench, set-based on top of seedRoster: 2 % of the
// roster have an OPEN transfer started 0–89 days before asOf with only step 1 done, so on asOf
// some steps fall due, many are overdue (one reminder per step and kind) and the rest are not due.
import pg from 'pg';

export const TRANSFER_PER_CENT = 2;

export async function seedTransfers(url: string, asOf: string): Promise<{ transfers: number; steps: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const transfers = await client.query(
      `INSERT INTO "PensionTransfer" (id, "employeeId", "fromCity", "toCity", direction, "startedOn")
       SELECT gen_random_uuid(), id, '长沙', '上海', 'INTO', $1::date - abs(hashtext(id::text)) % 90 FROM "Employee"
       WHERE "employeeNo" LIKE 'B%' AND substr("employeeNo", 2)::int % 100 BETWEEN 20 AND ${19 + TRANSFER_PER_CENT}`,
      [asOf],
    );
    const steps = await client.query(
      `INSERT INTO "PensionTransferStep" (id, "transferId", step, "doneOn")
       SELECT gen_random_uuid(), t.id, s, CASE WHEN s = 1 THEN t."startedOn" END FROM "PensionTransfer" t CROSS JOIN generate_series(1, 4) AS s`,
    );
    await client.query('ANALYZE');
    return { transfers: transfers.rowCount ?? 0, steps: steps.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
