// Recounts an absence from its first day forward, on the attendance calendar: every scheduled
// workday without a valid clock-in and without approved leave is an absent day, and the first
// clock-in ends the absence. Used before each step of the exit chain, because 劳动合同法
// 第三十九条第（二）项 needs the absence proven day by day up to that step, not as first detected.
import { addDays } from '../dates.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

export interface RecountInput {
  /** 'YYYY-MM-DD' first day looked at (inclusive), e.g. the case's first absent day. */
  from: string;
  /** 'YYYY-MM-DD' last day looked at (inclusive). */
  to: string;
  calendar: WorkCalendar;
  clockInDays: ReadonlySet<string>;
  leaveDays: ReadonlySet<string>;
}

export interface Recount {
  /** Absent workdays from `from` up to the first clock-in (or `to`), oldest first. */
  days: string[];
  /** The first day with a valid clock-in on or after `from`, if any: the absence ended there. */
  firstClockInDay?: string;
}

/**
 * @example
 *   recountAbsentWorkdays({ from: '2026-10-08', to: '2026-10-12', calendar, clockInDays: new Set(), leaveDays: new Set() })
 *   // → { days: ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'] }
 */
export function recountAbsentWorkdays(input: RecountInput): Recount {
  const days: string[] = [];
  for (let day = input.from; day <= input.to; day = addDays(day, 1)) {
    if (input.clockInDays.has(day)) return { days, firstClockInDay: day };
    if (input.calendar.isWorkday(day) && !input.leaveDays.has(day)) days.push(day);
  }
  return { days };
}

/** The days of leave spells from..to, clipped to [min, max]. */
export function leaveDaysIn(spells: readonly { fromDay: string; toDay: string }[], min: string, max: string): Set<string> {
  const days = new Set<string>();
  for (const s of spells) {
    for (let d = s.fromDay < min ? min : s.fromDay; d <= s.toDay && d <= max; d = addDays(d, 1)) days.add(d);
  }
  return days;
}
