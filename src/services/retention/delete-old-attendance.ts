// Attendance rows of employees who left more than `attendanceYearsAfterExit` years ago are deleted
// (个人信息保护法 第四十七条; kept at least 2 years after exit as the record wages were paid on).
// Bounded batches; a second run finds nothing.
import type { ServiceDeps } from '../deps.ts';

const BATCH = 1000;

/** @example await deleteOldAttendance(deps, { exitedBefore: '2026-01-10' }) // → 240 */
export async function deleteOldAttendance(deps: Pick<ServiceDeps, 'db'>, o: { exitedBefore: string; maxBatches?: number }): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < (o.maxBatches ?? 100); i++) {
    const n = await deps.db.$executeRaw`
      DELETE FROM "AttendanceRecord" WHERE "id" IN (
        SELECT a."id" FROM "AttendanceRecord" a JOIN "Employee" e ON e."id" = a."employeeId"
        WHERE e."status" = 'EXITED' AND e."exitDate" < ${o.exitedBefore}::date LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) break;
  }
  return deleted;
}
