// When a hire must be enrolled, and which reminder is due on a given day.
// - 社会保险法 Art. 58: the employer registers the worker 自用工之日起三十日内.
// - 民法典 Art. 201: the start day is not counted, so day 30 is start + 30 calendar days.
// - 民法典 Art. 203: a period ending on a 法定休假日 ends on the next working day; a 调休 working
//   Saturday is a working day, so the deadline can land on it.
// A reminder whose day is a rest day goes out on the last working day before it (after the
// start day), never after: a long holiday must not swallow the day-23 warning into the deadline.
import { addDays } from '../dates.ts';
import { nthWorkdayFrom, workdayOnOrAfter, workdayOnOrBefore, workdaysIn } from '../calendar/day-math.ts';
import type { EnrolmentRules } from './enrolment-rules.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export type StageKind = 'warn' | 'escalate' | 'overdue';

export interface DueStage {
  /** 'day23', 'day28', 'overdue-1', 'overdue-2', …: part of the alert's unique key. */
  stage: string;
  kind: StageKind;
  /** The day it is (or was) to be sent. */
  sendOn: string;
}

export interface EnrolmentSchedule {
  startDate: string;
  /** start + 30 calendar days, rolled forward to a working day. */
  legalDeadline: string;
  /** The legal deadline, or the city's earlier monthly 增员 cut-off. */
  practicalDeadline: string;
  /** Warning and escalation, in order. */
  reminders: DueStage[];
  /** First working day after the legal deadline. */
  firstOverdueOn: string;
  overdueEveryWorkdays: number;
}

/**
 * @example
 *   enrolmentSchedule('2026-11-20', calendar, defaultEnrolmentRules).legalDeadline // '2026-12-21'
 */
export function enrolmentSchedule(startDate: string, calendar: WorkCalendar, rules: EnrolmentRules & { cutoffDay?: number | null }): EnrolmentSchedule {
  const legalDeadline = workdayOnOrAfter(addDays(startDate, rules.deadlineDays), calendar);
  const practicalDeadline = rules.cutoffDay ? cutoffDeadline(startDate, legalDeadline, rules.cutoffDay, calendar) : legalDeadline;
  const reminder = (day: number, kind: StageKind): DueStage => {
    const target = addDays(startDate, day);
    const before = workdayOnOrBefore(target > practicalDeadline ? practicalDeadline : target, calendar);
    // No working day between the start and the stage day: the first working day after the start.
    const sendOn = before > startDate ? before : workdayOnOrAfter(addDays(startDate, 1), calendar);
    return { stage: `day${day}`, kind, sendOn };
  };
  return {
    startDate,
    legalDeadline,
    practicalDeadline,
    reminders: [reminder(rules.warnDay, 'warn'), reminder(rules.escalateDay, 'escalate')],
    firstOverdueOn: workdayOnOrAfter(addDays(legalDeadline, 1), calendar),
    overdueEveryWorkdays: rules.overdueEveryWorkdays,
  };
}

/**
 * Some cities close each month's 增员 window on a fixed day: enrolled after it, that month is paid
 * as back-pay (补缴). The practical deadline is the latest such cut-off after the start and before
 * the legal deadline (the last working day on or before the cut-off day; day 31 in a 30-day month
 * is the month end). Example: start 11-07, cut-off 13 → 本月增员截止 11-13, 法定截止 12-07.
 */
function cutoffDeadline(startDate: string, legalDeadline: string, cutoffDay: number, calendar: WorkCalendar): string {
  let best = legalDeadline;
  for (let month = startDate.slice(0, 7); month <= legalDeadline.slice(0, 7); month = nextMonth(month)) {
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const cutoff = workdayOnOrBefore(`${month}-${String(Math.min(cutoffDay, lastDay)).padStart(2, '0')}`, calendar);
    if (cutoff > startDate && cutoff < legalDeadline) best = cutoff;
  }
  return best;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The stages to send on `asOf`: those of the latest send day that has come. Two reminders moved
 * onto the same working day (start 2026-09-08: day 23 and day 28 both fall in 国庆, both go out on
 * 09-30) are both sent, as separate cards; a missed run catches up with the current stage only.
 * The alert's unique key makes a repeat a no-op.
 * @example
 *   stagesDue(schedule, '2026-12-21', calendar) // [{ stage: 'day28', kind: 'escalate', sendOn: '2026-12-18' }]
 */
export function stagesDue(schedule: EnrolmentSchedule, asOf: string, calendar: WorkCalendar): DueStage[] {
  if (asOf >= schedule.firstOverdueOn) {
    const every = schedule.overdueEveryWorkdays;
    const n = Math.floor((workdaysIn(schedule.firstOverdueOn, asOf, calendar) - 1) / every) + 1;
    return [{ stage: `overdue-${n}`, kind: 'overdue', sendOn: nthWorkdayFrom(schedule.firstOverdueOn, (n - 1) * every + 1, calendar) }];
  }
  const due = schedule.reminders.filter((r) => r.sendOn <= asOf);
  const latest = due.reduce((max, r) => (r.sendOn > max ? r.sendOn : max), '');
  return due.filter((r) => r.sendOn === latest);
}
