// The State Council's published calendar as the chinese-days package ships it: each year's
// statutory holidays, 调休 working weekends and 补休 days, from the annual notice
// (国务院办公厅关于YYYY年部分节假日安排的通知). A year the package does not have yet is absent.
import chineseDays from 'chinese-days';

export interface OfficialCalendar {
  /** True when the year's notice is in the data. */
  hasYear(year: number): boolean;
  /** What the notice says of the day: a holiday or 补休 ('rest'), a 调休 working day ('work'), or nothing. */
  dayRule(day: string): 'rest' | 'work' | undefined;
}

const WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
const yearsWithData = new Map<number, boolean>();
/**
 * The package's data never changes while the process runs, but asking it about a day costs tens of
 * microseconds, and every sweep builds a fresh calendar that asks again about the same few hundred
 * days: the answers are kept for the process (bounded, in case something asks about every day).
 */
const rules = new Map<string, 'rest' | 'work' | undefined>();
const MAX_KEPT_RULES = 100_000;

export const chineseDaysCalendar: OfficialCalendar = {
  hasYear(year) {
    let known = yearsWithData.get(year);
    if (known === undefined) {
      // Every published year has at least New Year's Day as a statutory holiday.
      known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
      yearsWithData.set(year, known);
    }
    return known;
  },
  dayRule(day) {
    if (rules.has(day)) return rules.get(day);
    if (rules.size >= MAX_KEPT_RULES) rules.clear();
    const rule = this.hasYear(Number(day.slice(0, 4))) ? ruleOf(chineseDays.getDayDetail(day)) : undefined;
    rules.set(day, rule);
    return rule;
  },
};

/** Plain days are named after their weekday; holidays, 补休 and 调休 days after the festival. */
function ruleOf(detail: { name: string; work: boolean }): 'rest' | 'work' | undefined {
  if (WEEKDAY_NAMES.has(detail.name)) return undefined;
  return detail.work ? 'work' : 'rest';
}

/** An official calendar with no published year: what the product knows once the package is out of date. */
export const emptyOfficialCalendar: OfficialCalendar = { hasYear: () => false, dayRule: () => undefined };
