// The employee facts a transfer view or reminder shows, for many cases at once: one prepared
// `= ANY` read. Prisma's `id: { in }` sends a parameter per id; the 1,579 names a first reminder run
// owed at 100k cost 38 ms to parse and plan that way.
import type { Db, Tx } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import type { TransferView } from '../../domain/views/transfer.ts';

const SQL = `SELECT id::text AS id, name, "employeeNo" FROM "Employee" WHERE id = ANY($1::uuid[])`;

export async function loadTransferEmployees(db: Db | Tx, ids: readonly string[]): Promise<Map<string, TransferView['employee']>> {
  const rows = await preparedQuery<TransferView['employee']>(db, 'transfer-employees', SQL, [[...new Set(ids)]]);
  return new Map(rows.map((e) => [e.id, e]));
}
