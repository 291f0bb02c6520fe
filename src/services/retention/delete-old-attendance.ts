// Attendance rows of employees who left more than `attendanceYearsAfterExit` years ago are deleted
// (个人信息保护法 第四十七条; kept at least 2 years after exit as the record wages were paid on).
// Bounded batches; a second run finds nothing.
import type { ServiceDeps } from '../deps.ts';
import { deleteRowsOfLeavers } from './delete-rows-of-leavers.ts';

/** @example await deleteOldAttendance(deps, { exitedBefore: '2026-01-10' }) // → 240 */
export function deleteOldAttendance(deps: Pick<ServiceDeps, 'db'>, o: { exitedBefore: string; maxBatches?: number }): Promise<number> {
  return deleteRowsOfLeavers(deps, { table: 'AttendanceRecord', ...o });
}
