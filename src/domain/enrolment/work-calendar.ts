// Which days are working days (工作日). 民法典 Art. 203 moves a period that ends on a 法定休假日
// to the next day after it, so the enrolment deadline depends on the official holiday calendar
// (chinese-days, published by the State Council each November) plus company overrides. A year the
// package has no data for falls back to Monday–Friday and is flagged, because a deadline computed
// without that year's holidays may be a few days early or late.
import chineseDays from 'chinese-days';
import { parseDay } from '../dates.ts';

export interface CalendarOverride {
  /** 'YYYY-MM-DD' */
  day: string;
  isWorkday: boolean;
}

export interface WorkCalendar {
  isWorkday(day: string): boolean;
  /** Years asked about that have neither official data nor an override: their holidays are unknown. */
  readonly missingYears: ReadonlySet<number>;
}

export interface WorkCalendarOptions {
  /**
   * The company's weekly rest days (0 = Sunday … 6 = Saturday), default Saturday and Sunday. They
   * replace the weekend on plain days only; statutory holidays and 调休 workdays still apply.
   */
  weeklyRestDays?: readonly number[];
}

const STATUTORY_REST_DAYS = [6, 0];
const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

/** True for a day chinese-days has no statutory entry for (its detail is named after the weekday). */
function isPlainDay(day: string): boolean {
  return WEEKDAY_NAMES.has(chineseDays.getDayDetail(day).name);
}

const yearsWithData = new Map<number, boolean>();

/** Every published year has at least New Year's Day as a statutory holiday. */
export function hasOfficialData(year: number): boolean {
  let known = yearsWithData.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    yearsWithData.set(year, known);
  }
  return known;
}

/**
 * @example
 *   const cal = createWorkCalendar([{ day: '2027-02-08', isWorkday: false }], (y) => log.warn({ year: y }, 'no holiday data'));
 *   cal.isWorkday('2026-10-10') // true: a 调休 working Saturday
 */
export function createWorkCalendar(overrides: readonly CalendarOverride[] = [], onMissingYear?: (year: number) => void, options: WorkCalendarOptions = {}): WorkCalendar {
  const restDays = new Set(options.weeklyRestDays ?? STATUTORY_REST_DAYS);
  const byDay = new Map(overrides.map((o) => [o.day, o.isWorkday]));
  const overriddenYears = new Set(overrides.map((o) => Number(o.day.slice(0, 4))));
  const missingYears = new Set<number>();
  // A sweep asks about the same few hundred days for thousands of hires.
  const memo = new Map<string, boolean>();
  const lookUp = (day: string): boolean => {
    const override = byDay.get(day);
    if (override !== undefined) return override;
    const year = Number(day.slice(0, 4));
    const weekday = parseDay(day).getUTCDay();
    if (hasOfficialData(year)) {
      // A day the statutory calendar names (holiday or 调休 workday) is the law's; a plain day
      // follows the company's weekly rest days (chinese-days names plain days by weekday).
      if (restDays.size === 2 && restDays.has(0) && restDays.has(6)) return chineseDays.isWorkday(day);
      return isPlainDay(day) ? !restDays.has(weekday) : chineseDays.isWorkday(day);
    }
    if (!overriddenYears.has(year) && !missingYears.has(year)) {
      missingYears.add(year);
      onMissingYear?.(year);
    }
    return !restDays.has(weekday);
  };
  return {
    missingYears,
    isWorkday(day) {
      let known = memo.get(day);
      if (known === undefined) memo.set(day, (known = lookUp(day)));
      return known;
    },
  };
}
