// The day enrolment is due for an employee whose exception failed: the 30-day deadline of
// 社会保险法 第五十八条 counted from the enrolment clock (the start date, or the day a lapsed
// exception restarted it), moved off rest days (民法典 第二百零三条); never before today.
import type { Db } from '../../db/client.ts';
import { enrolmentSchedule } from '../../domain/enrolment/enrolment-schedule.ts';
import { loadEnrolmentSettings } from '../enrolment/load-enrolment-settings.ts';

/**
 * @example
 *   await enrolmentDeadlineFor(deps.db, { clockStart: '2026-11-20', today: '2026-11-25' }) // '2026-12-21'
 */
export async function enrolmentDeadlineFor(db: Db, o: { clockStart: string; today: string }): Promise<{ legalDeadline: string; dueOn: string }> {
  const settings = await loadEnrolmentSettings(db);
  const { legalDeadline } = enrolmentSchedule(o.clockStart, settings.calendar, settings.rules);
  return { legalDeadline, dueOn: legalDeadline < o.today ? o.today : legalDeadline };
}
