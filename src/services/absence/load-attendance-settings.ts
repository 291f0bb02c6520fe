// The company's attendance rules (AppMeta 'attendance.rules') and its work calendar: statutory
// holidays and 调休, company closures and extra working days, and the company's weekly rest days.
import type { Db, Tx } from '../../db/client.ts';
import { ATTENDANCE_RULES_KEY, parseAttendanceRules, type AttendanceRules } from '../../domain/attendance/attendance-rules.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Logger } from '../../log.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

export interface AttendanceSettings {
  rules: AttendanceRules;
  calendar: WorkCalendar;
}

/** @example const { rules, calendar } = await loadAttendanceSettings(deps.db, log); */
export async function loadAttendanceSettings(db: Db | Tx, log?: Logger): Promise<AttendanceSettings> {
  const rules = await loadStoredRules(db, { key: ATTENDANCE_RULES_KEY, parse: parseAttendanceRules, log, invalid: 'attendance rules in AppMeta are invalid; using the defaults (3 workdays, 24 h SLA)' });
  const calendar = await loadWorkCalendar(db, {
    purpose: 'attendance',
    log,
    missingYear: 'absences that year miss its 调休 and 补休 until the notice is imported (sentinel calendar import-notice)',
    weeklyRestDays: rules.weeklyRestDays,
  });
  return { rules, calendar };
}
