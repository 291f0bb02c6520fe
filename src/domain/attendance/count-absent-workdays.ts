// How many scheduled workdays in a row, ending on `asOf`, an employee did not clock in. Walks
// back day by day: a valid clock-in ends the streak; a non-workday (weekend, statutory holiday,
// company closure) and a day of approved leave are skipped without ending it, because the
// employee was not expected at work that day. The streak is the evidence for 劳动合同法 Art. 39(2):
// the absence must be proven day by day.
import { addDays } from '../dates.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export interface CountAbsentWorkdaysInput {
  /** 'YYYY-MM-DD': the last day looked at (inclusive). */
  asOf: string;
  calendar: WorkCalendar;
  /** Days with at least one valid clock-in (not_signed platform rows excluded). */
  clockInDays: ReadonlySet<string>;
  /** Days covered by approved leave. */
  leaveDays: ReadonlySet<string>;
  /** First day the employee was expected at work (start date): nothing before counts. */
  since?: string;
  /** How far back to follow the streak, in calendar days. */
  lookbackDays?: number;
}

export interface AbsentWorkdays {
  /** The absent workdays of the streak, oldest first. */
  days: string[];
  /** The last day with a clock-in, if one was found within the lookback. */
  lastClockInDay?: string;
  /** Years without holiday data met on the way (weekends-only guess). */
  missingYears: number[];
}

/**
 * @example
 *   countAbsentWorkdays({ asOf: '2026-10-10', calendar, clockInDays: new Set(['2026-09-30']), leaveDays: new Set() })
 *   // → { days: ['2026-10-08', '2026-10-09', '2026-10-10'], lastClockInDay: '2026-09-30', missingYears: [] }
 */
export function countAbsentWorkdays(input: CountAbsentWorkdaysInput): AbsentWorkdays {
  const lookback = input.lookbackDays ?? 60;
  const days: string[] = [];
  const missing = new Set<number>();
  let lastClockInDay: string | undefined;
  for (let i = 0; i < lookback; i++) {
    const day = addDays(input.asOf, -i);
    if (input.since && day < input.since) break;
    if (input.clockInDays.has(day)) {
      lastClockInDay = day;
      break;
    }
    const workday = input.calendar.isWorkday(day);
    const year = Number(day.slice(0, 4));
    if (input.calendar.missingYears.has(year)) missing.add(year);
    if (!workday || input.leaveDays.has(day)) continue;
    days.push(day);
  }
  return { days: days.reverse(), ...(lastClockInDay && { lastClockInDay }), missingYears: [...missing].sort() };
}
