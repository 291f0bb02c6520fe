// The legal enrolment deadline of one employee as the H5 shows it: the same schedule the sweep
// uses (社会保险法 第五十八条; 民法典 第二百零一条、第二百零三条), the city's monthly cut-off, and the
// caveat when a year it depends on has no State Council notice yet.
import type { Db } from '../../db/client.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import { daysBetween } from '../../domain/calendar/day-math.ts';
import { formatDay } from '../../domain/dates.ts';
import { enrolmentSchedule } from '../../domain/enrolment/enrolment-schedule.ts';
import { loadEnrolmentSettings } from './load-enrolment-settings.ts';

export interface EnrolmentDeadlineView {
  /** The day the 30 days run from: the first day of work, or a lapsed exception's restart day. */
  clockStart: string;
  legalDeadline: string;
  /** The city's 增员 cut-off before the legal deadline (enrol by then to avoid 补缴), if any. */
  practicalDeadline: string | null;
  /** Day N of employment today. */
  dayNumber: number;
  /** Calendar days left to the legal deadline; negative when overdue. */
  daysLeft: number;
  calendarCaveat: string | null;
  legalBasis: string;
}

/** @example await enrolmentDeadlineView(db, { startDate, enrolmentClockFrom: null, insuredCity: '上海' }, '2026-12-07') */
export async function enrolmentDeadlineView(db: Db, e: { startDate: Date; enrolmentClockFrom: Date | null; insuredCity: string | null }, today: string): Promise<EnrolmentDeadlineView> {
  const settings = await loadEnrolmentSettings(db);
  const clockStart = formatDay(e.enrolmentClockFrom ?? e.startDate) as string;
  const s = enrolmentSchedule(clockStart, settings.calendar, { ...settings.rules, cutoffDay: settings.cutoffDayFor(e.insuredCity, clockStart) });
  return {
    clockStart,
    legalDeadline: s.legalDeadline,
    practicalDeadline: s.practicalDeadline === s.legalDeadline ? null : s.practicalDeadline,
    dayNumber: daysBetween(clockStart, today),
    daysLeft: daysBetween(today, s.legalDeadline),
    calendarCaveat: calendarCaveat(incompleteYearsIn(settings.calendar, clockStart, s.legalDeadline > today ? s.legalDeadline : today)) ?? null,
    legalBasis: '《社会保险法》第五十八条：自用工之日起三十日内为其职工申请办理社会保险登记；期限最后一日是法定休假日的，以休假日结束的次日为最后一日（《民法典》第二百零三条）',
  };
}
