// The one bounded delete the retention job runs on each per-employee table: the rows of employees
// who left before `exitedBefore`, 1,000 at a time, until none are left (or `maxBatches`).
import type { ServiceDeps } from '../deps.ts';
import { Prisma } from '../../generated/prisma/client.ts';

const BATCH = 1000;

/** Tables keyed by "employeeId" whose rows go with a long-gone employee (a fixed list: the name is SQL). */
export type LeaverTable = 'AttendanceRecord' | 'ContributionRecord' | 'StatementNotice';

/** @example await deleteRowsOfLeavers(deps, { table: 'AttendanceRecord', exitedBefore: '2026-01-10' }) // → 240 */
export async function deleteRowsOfLeavers(deps: Pick<ServiceDeps, 'db'>, o: { table: LeaverTable; exitedBefore: string; maxBatches?: number }): Promise<number> {
  const table = Prisma.raw(`"${o.table}"`);
  let deleted = 0;
  for (let i = 0; i < (o.maxBatches ?? 100); i++) {
    const n = await deps.db.$executeRaw`
      DELETE FROM ${table} WHERE "id" IN (
        SELECT r."id" FROM ${table} r JOIN "Employee" e ON e."id" = r."employeeId"
        WHERE e."status" = 'EXITED' AND e."exitDate" < ${o.exitedBefore}::date LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) break;
  }
  return deleted;
}
