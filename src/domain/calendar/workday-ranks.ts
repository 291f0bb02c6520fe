// Working days ranked once per calendar, so the sweeps' "n-th working day from X" and "working days
// in [X, Y]" are two map lookups instead of a walk. A transfer-reminders run asked for ≈ 270
// distinct 15-working-day periods and walked ≈ 5,700 days to answer them, every run; ranked, each day
// of the span is looked at once per calendar. A calendar never changes once built (its isWorkday is
// memoized too), so its ranks are kept beside it.
import { addDays } from '../dates.ts';
import type { WorkCalendar } from './work-calendar.ts';

/** Each answer is undefined when ranks cannot give it (see isRankable, MAX_SPAN_DAYS): the caller walks the days. */
export interface WorkdayRanks {
  /** The n-th working day counting `from` as the first if it is one (1 ≤ n ≤ MAX_SPAN_DAYS / 2). */
  nthWorkdayFrom(from: string, n: number): string | undefined;
  /** Working days in [from, to], both included (0 when `to` is before `from`). */
  workdaysIn(from: string, to: string): number | undefined;
}

/** Ranks keep at most this many days: a question further away starts a new span. */
const MAX_SPAN_DAYS = 4000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const kept = new WeakMap<WorkCalendar, WorkdayRanks>();

/** @example workdayRanks(createLegalCalendar()).nthWorkdayFrom('2026-09-25', 15) // '2026-10-22' (国庆 counts no day, 10-10 is a 调休 working day) */
export function workdayRanks(calendar: WorkCalendar): WorkdayRanks {
  let ranks = kept.get(calendar);
  if (!ranks) kept.set(calendar, (ranks = rankWorkdays(calendar)));
  return ranks;
}

/** A day of a four-digit year, so days compare correctly as text. */
function isRankable(day: string): boolean {
  return ISO_DAY.test(day) && day >= '1000-01-02' && day <= '9990-12-31';
}

function rankWorkdays(calendar: WorkCalendar): WorkdayRanks {
  /** Working days before the day, counted from an arbitrary origin (so negative going back). */
  const rank = new Map<string, number>();
  /** The working day holding each rank. */
  const dayOfRank = new Map<number, string>();
  let first = '';
  let last = '';
  const place = (day: string, r: number) => {
    rank.set(day, r);
    if (calendar.isWorkday(day)) dayOfRank.set(r, day);
  };
  const start = (day: string) => {
    rank.clear();
    dayOfRank.clear();
    first = last = day;
    place(day, 0);
  };
  const extendForward = () => {
    const next = addDays(last, 1);
    place(next, rankOf(last) + (calendar.isWorkday(last) ? 1 : 0));
    last = next;
  };
  const extendBack = () => {
    const previous = addDays(first, -1);
    place(previous, rankOf(first) - (calendar.isWorkday(previous) ? 1 : 0));
    first = previous;
  };
  const rankOf = (day: string) => rank.get(day) as number;
  const cover = (day: string) => {
    if (day >= first && day <= last && first !== '') return;
    if (first === '' || daysApart(day, day < first ? last : first) > MAX_SPAN_DAYS) return start(day);
    while (day < first) extendBack();
    while (day > last) extendForward();
  };
  return {
    nthWorkdayFrom(from, n) {
      if (!Number.isInteger(n) || n < 1 || n > MAX_SPAN_DAYS / 2 || !isRankable(from)) return undefined;
      cover(from);
      const target = rankOf(from) + n - 1;
      let day = dayOfRank.get(target);
      while (day === undefined) {
        extendForward();
        day = dayOfRank.get(target);
      }
      return day;
    },
    workdaysIn(from, to) {
      if (!isRankable(from) || !isRankable(to) || daysApart(from, to) > MAX_SPAN_DAYS) return undefined;
      if (to < from) return 0;
      cover(from);
      cover(to);
      // `to` may have restarted the span: rank `from` again within it.
      cover(from);
      return rankOf(to) - rankOf(from) + (calendar.isWorkday(to) ? 1 : 0);
    },
  };
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}
