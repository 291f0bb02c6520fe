// The absence of one employee recounted from the attendance records and the approved leave
// (HR's and the platforms'), and the guard every step of the absence chain runs first: no 自离,
// no notice and no termination request unless the absent workdays still reach the company's
// threshold and the employee has not clocked in since (劳动合同法 第三十九条第（二）项: the employer
// proves the absence day by day).
import type { Db, Tx } from '../../db/client.ts';
import { leaveDaysIn, recountAbsentWorkdays, type Recount } from '../../domain/attendance/recount-absent-workdays.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import { loadAttendanceSettings } from './load-attendance-settings.ts';

/** AppError.details of a refusal, so callers can close the case they could not move on. */
export const ABSENCE_NOT_COUNTED = 'absence_not_counted';

/** @example const { days } = await recountAbsence(tx, { employeeId, from: '2026-10-08', to: '2026-11-20' }); */
export async function recountAbsence(db: Db | Tx, o: { employeeId: string; from: string; to: string }): Promise<Recount & { threshold: number }> {
  const { rules, calendar } = await loadAttendanceSettings(db);
  const [clockIns, leaves] = await Promise.all([
    db.attendanceRecord.findMany({
      where: { employeeId: o.employeeId, day: { gte: parseDay(o.from), lte: parseDay(o.to) }, NOT: { flags: { has: 'not_signed' } } },
      select: { day: true },
      distinct: ['day'],
    }),
    db.leaveRecord.findMany({ where: { employeeId: o.employeeId, approved: true, toDay: { gte: parseDay(o.from) }, fromDay: { lte: parseDay(o.to) } }, select: { fromDay: true, toDay: true } }),
  ]);
  const clockInDays = new Set(clockIns.map((r) => formatDay(r.day) as string));
  const leaveDays = leaveDaysIn(leaves.map((l) => ({ fromDay: formatDay(l.fromDay) as string, toDay: formatDay(l.toDay) as string })), o.from, o.to);
  return { ...recountAbsentWorkdays({ from: o.from, to: o.to, calendar, clockInDays, leaveDays }), threshold: rules.absenceThresholdWorkdays };
}

/**
 * Throws a 409 saying why when the absence no longer counts; returns the recounted days otherwise.
 * @example const days = await requireCountedAbsence(tx, { employeeId, from: '2026-10-08', asOf: '2026-10-20' });
 */
export async function requireCountedAbsence(db: Db | Tx, o: { employeeId: string; from: string; asOf: string }): Promise<string[]> {
  const r = await recountAbsence(db, { employeeId: o.employeeId, from: o.from, to: o.asOf });
  if (r.firstClockInDay) {
    throw new AppError('conflict', `该员工自 ${r.firstClockInDay.slice(5)} 起已有打卡记录，不能继续旷工解除流程（《劳动合同法》第三十九条第（二）项须逐日证明旷工）；流程已按返岗关闭`, { reason: ABSENCE_NOT_COUNTED });
  }
  if (r.days.length < r.threshold) {
    throw new AppError('conflict', `该员工自 ${o.from.slice(5)} 起计入的旷工只有 ${r.days.length} 个工作日（休息日和已批准的请假不计），未达到考勤制度规定的 ${r.threshold} 个工作日，不能继续旷工解除流程；流程已关闭`, { reason: ABSENCE_NOT_COUNTED });
  }
  return r.days;
}

/** True for the refusal of requireCountedAbsence. */
export const isAbsenceNotCounted = (error: unknown): error is AppError =>
  error instanceof AppError && (error.details as { reason?: string } | undefined)?.reason === ABSENCE_NOT_COUNTED;
