// Which days are working days (工作日), in two calendars:
// - the **legal** calendar moves legal periods (民法典 第二百零三条: a period ending on a 法定休假日
//   ends on the next working day). Only statutory data counts: the weekly rest days Saturday and
//   Sunday (国务院关于职工工作时间的规定 第七条), the holidays of 全国年节及纪念日放假办法 (computed for any
//   year), and the State Council's annual notice (chinese-days, or an imported notice) with its 调休
//   and 补休. A company's own closure never extends a legal period.
// - the **attendance** calendar decides who was expected at work: the legal calendar, then the
//   company's weekly rest days on plain days, then its own overrides (closures, extra working days).
// A year without the annual notice is incomplete: its fixed holidays are known, its 调休 and 补休 are
// not, so every date depending on it may still move (see calendar-caveat.ts).
import { parseDay } from '../dates.ts';
import { chineseDaysCalendar, type OfficialCalendar } from './official-calendar.ts';
import { statutoryHolidayOn } from './statutory-holidays.ts';

export interface CalendarOverride {
  /** 'YYYY-MM-DD' */
  day: string;
  isWorkday: boolean;
}

export interface WorkCalendar {
  isWorkday(day: string): boolean;
  /** True when the year's State Council notice is known (the package or an imported notice). */
  isYearComplete(year: number): boolean;
  /** Incomplete years asked about so far: dates computed with them may move. */
  readonly missingYears: ReadonlySet<number>;
}

export interface LegalCalendarOptions {
  /** Statutory overrides: an imported notice's days, or HR's statutory corrections. */
  statutory?: readonly CalendarOverride[];
  /** Years whose notice was imported: complete although the package lacks them. */
  noticeYears?: Iterable<number>;
  /** The published calendar (default chinese-days). */
  official?: OfficialCalendar;
  /** Called once per incomplete year the first time it is asked about. */
  onMissingYear?: (year: number) => void;
}

export interface WorkCalendarOptions extends LegalCalendarOptions {
  /** The company's own days: closures, extra working days. They never move a legal deadline. */
  company?: readonly CalendarOverride[];
  /**
   * The company's weekly rest days (0 = Sunday … 6 = Saturday), default Saturday and Sunday. They
   * replace the weekend on plain days only; statutory holidays and 调休 workdays still apply.
   */
  weeklyRestDays?: readonly number[];
}

const STATUTORY_REST_DAYS = [6, 0];

/**
 * The calendar of legal deadlines.
 * @example
 *   createLegalCalendar().isWorkday('2026-10-10') // true: a 调休 working Saturday
 *   createLegalCalendar().isWorkday('2027-01-01') // false: 元旦, although 2027's notice is not out
 */
export function createLegalCalendar(o: LegalCalendarOptions = {}): WorkCalendar {
  return createWorkCalendar({ ...o, company: [], weeklyRestDays: STATUTORY_REST_DAYS });
}

/**
 * The attendance calendar: the legal one plus the company's rest days and overrides.
 * @example
 *   createWorkCalendar({ company: [{ day: '2026-12-31', isWorkday: false }] }).isWorkday('2026-12-31') // false
 */
export function createWorkCalendar(o: WorkCalendarOptions = {}): WorkCalendar {
  const official = o.official ?? chineseDaysCalendar;
  const restDays = new Set(o.weeklyRestDays ?? STATUTORY_REST_DAYS);
  const company = new Map((o.company ?? []).map((c) => [c.day, c.isWorkday]));
  const statutory = new Map((o.statutory ?? []).map((c) => [c.day, c.isWorkday]));
  const noticeYears = new Set(o.noticeYears ?? []);
  const missingYears = new Set<number>();
  const isYearComplete = (year: number) => noticeYears.has(year) || official.hasYear(year);
  /** What the law says of a day that is not a plain weekday or weekend day, if anything. */
  const statutoryRule = (day: string): boolean | undefined => {
    const override = statutory.get(day);
    if (override !== undefined) return override;
    const rule = official.dayRule(day);
    if (rule) return rule === 'work';
    return statutoryHolidayOn(day) ? false : undefined;
  };
  // A sweep asks about the same few hundred days for thousands of hires.
  const memo = new Map<string, boolean>();
  const lookUp = (day: string): boolean => {
    const year = Number(day.slice(0, 4));
    if (!isYearComplete(year) && !missingYears.has(year)) {
      missingYears.add(year);
      o.onMissingYear?.(year);
    }
    const own = company.get(day);
    if (own !== undefined) return own;
    return statutoryRule(day) ?? !restDays.has(parseDay(day).getUTCDay());
  };
  return {
    missingYears,
    isYearComplete,
    isWorkday(day) {
      let known = memo.get(day);
      if (known === undefined) memo.set(day, (known = lookUp(day)));
      return known;
    },
  };
}
