// The company's attendance rules (AppMeta 'attendance.rules') and its work calendar: statutory
// holidays and 调休 (chinese-days), company overrides, and the company's weekly rest days.
import type { Db, Tx } from '../../db/client.ts';
import { ATTENDANCE_RULES_KEY, parseAttendanceRules, type AttendanceRules } from '../../domain/attendance/attendance-rules.ts';
import { formatDay } from '../../domain/dates.ts';
import { createWorkCalendar, type WorkCalendar } from '../../domain/enrolment/work-calendar.ts';
import type { Logger } from '../../log.ts';

export interface AttendanceSettings {
  rules: AttendanceRules;
  calendar: WorkCalendar;
}

/** @example const { rules, calendar } = await loadAttendanceSettings(deps.db, log); */
export async function loadAttendanceSettings(db: Db | Tx, log?: Logger): Promise<AttendanceSettings> {
  const meta = await db.appMeta.findUnique({ where: { key: ATTENDANCE_RULES_KEY } });
  const { rules, error } = parseAttendanceRules(meta?.value);
  if (error) log?.warn({ key: ATTENDANCE_RULES_KEY, error }, 'attendance rules in AppMeta are invalid; using the defaults (3 workdays, 24 h SLA)');
  const overrides = await db.workCalendarOverride.findMany({ select: { day: true, isWorkday: true } });
  const calendar = createWorkCalendar(
    overrides.map((o) => ({ day: formatDay(o.day) as string, isWorkday: o.isWorkday })),
    (year) => log?.warn({ year }, `chinese-days has no holiday data for ${year}: absences that year are counted on weekdays only until the package is updated or WorkCalendarOverride rows are added`),
    { weeklyRestDays: rules.weeklyRestDays },
  );
  return { rules, calendar };
}
