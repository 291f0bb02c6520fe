// Names and numbers of many employees at once, for views, cards and digests: one prepared `= ANY`
// read. Prisma's `id: { in }` sends a parameter per id: the 1,579 names a first transfer-reminders
// run owed at 100k cost 38 ms to parse and plan that way, and a month's reconciliation digest at 1M
// names tens of thousands.
import type { Db, Tx } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';

export interface EmployeeName {
  id: string;
  name: string;
  employeeNo: string;
}

const SQL = `SELECT id::text AS id, name, "employeeNo" FROM "Employee" WHERE id = ANY($1::uuid[])`;

/** @example (await loadEmployeeNames(db, [id])).get(id)?.name // → '张三' */
export async function loadEmployeeNames(db: Db | Tx, ids: readonly string[]): Promise<Map<string, EmployeeName>> {
  const rows = await preparedQuery<EmployeeName>(db, 'employee-names', SQL, [[...new Set(ids)]]);
  return new Map(rows.map((e) => [e.id, e]));
}
