// When a hire must be enrolled, and which reminder is due on a given day.
// - 社会保险法 Art. 58: the employer registers the worker 自用工之日起三十日内.
// - 民法典 Art. 201: the start day is not counted, so day 30 is start + 30 calendar days.
// - 民法典 Art. 203: a period ending on a 法定休假日 ends on the next working day; a 调休 working
//   Saturday is a working day, so the deadline can land on it.
// Reminders falling on a rest day go out on the next working day, never after the deadline.
import { addDays } from '../dates.ts';
import { nthWorkdayFrom, workdayOnOrAfter, workdayOnOrBefore, workdaysIn } from './day-math.ts';
import type { EnrolmentRules } from './enrolment-rules.ts';
import type { WorkCalendar } from './work-calendar.ts';

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
    const sendOn = workdayOnOrAfter(addDays(startDate, day), calendar);
    return { stage: `day${day}`, kind, sendOn: sendOn > practicalDeadline ? practicalDeadline : sendOn };
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
 * Some cities close the month's 增员 window on a fixed day: the last working day on or before
 * that day in the deadline's month, when it is earlier than the legal deadline and after the start.
 */
function cutoffDeadline(startDate: string, legalDeadline: string, cutoffDay: number, calendar: WorkCalendar): string {
  const month = legalDeadline.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const cutoff = workdayOnOrBefore(`${month}-${String(Math.min(cutoffDay, lastDay)).padStart(2, '0')}`, calendar);
  return cutoff < legalDeadline && cutoff > startDate ? cutoff : legalDeadline;
}

/**
 * The one stage to send on `asOf`: the latest whose send day has come. A missed run catches up
 * with the current stage only; the alert's unique key makes a repeat of it a no-op.
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
  return due.length > 0 ? [due[due.length - 1] as DueStage] : [];
}
