// Calendar-day arithmetic on 'YYYY-MM-DD' strings, which compare correctly as text.
import { addDays, parseDay } from '../dates.ts';
import type { WorkCalendar } from './work-calendar.ts';
import { workdayRanks } from './workday-ranks.ts';

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / 86_400_000);
}

/** `day` itself when it is a working day, else the next working day (民法典 Art. 203). */
export function workdayOnOrAfter(day: string, calendar: WorkCalendar): string {
  let d = day;
  while (!calendar.isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** `day` itself when it is a working day, else the last working day before it. */
export function workdayOnOrBefore(day: string, calendar: WorkCalendar): string {
  let d = day;
  while (!calendar.isWorkday(d)) d = addDays(d, -1);
  return d;
}

/** The n-th working day counting `from` as the first if it is one (n ≥ 1). */
export function nthWorkdayFrom(from: string, n: number, calendar: WorkCalendar): string {
  return workdayRanks(calendar).nthWorkdayFrom(from, n) ?? walkNthWorkdayFrom(from, n, calendar);
}

/** Working days in [from, to], both included. */
export function workdaysIn(from: string, to: string, calendar: WorkCalendar): number {
  return workdayRanks(calendar).workdaysIn(from, to) ?? walkWorkdaysIn(from, to, calendar);
}

/** nthWorkdayFrom day by day: what the ranks must answer, and the answer where they cannot. */
export function walkNthWorkdayFrom(from: string, n: number, calendar: WorkCalendar): string {
  let d = addDays(from, -1);
  for (let seen = 0; seen < n; ) {
    d = addDays(d, 1);
    if (calendar.isWorkday(d)) seen++;
  }
  return d;
}

/** workdaysIn day by day. */
export function walkWorkdaysIn(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (calendar.isWorkday(d)) count++;
  return count;
}
