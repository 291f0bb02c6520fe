// The holidays that 《全国年节及纪念日放假办法》 (revised by 国务院令第795号, in force 2025-01-01)
// gives every citizen every year, Art. 2: 元旦 1 day; 春节 4 days (除夕 to 正月初三); 清明节 1 day (the
// solar term); 劳动节 2 days (05-01, 05-02); 端午节 1 day (lunar 5-5); 中秋节 1 day (lunar 8-15); 国庆节
// 3 days (10-01 to 10-03). They are known for any year from the lunar calendar and the solar terms
// (tyme4ts), so a year whose State Council notice is not out yet still knows them; only the 调休
// swaps and the 补休 for holidays falling on a weekend (Art. 6) wait for the notice.
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';

export interface StatutoryHoliday {
  /** 'YYYY-MM-DD' */
  day: string;
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节 */
  name: string;
}

const iso = (d: SolarDay): string =>
  `${d.getYear()}-${String(d.getMonth()).padStart(2, '0')}-${String(d.getDay()).padStart(2, '0')}`;

const run = (first: SolarDay, days: number, name: string): StatutoryHoliday[] =>
  Array.from({ length: days }, (_, i) => ({ day: iso(first.next(i)), name }));

const memo = new Map<number, StatutoryHoliday[]>();

/**
 * The statutory holidays of a Gregorian year, in date order.
 * @example
 *   fixedStatutoryHolidays(2027).filter((h) => h.name === '春节').map((h) => h.day)
 *   // ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']
 */
export function fixedStatutoryHolidays(year: number): StatutoryHoliday[] {
  const known = memo.get(year);
  if (known) return known;
  const newYear = LunarDay.fromYmd(year, 1, 1).getSolarDay();
  const holidays = [
    ...run(SolarDay.fromYmd(year, 1, 1), 1, '元旦'),
    // 除夕 is the last day of the twelfth lunar month, whether it has 29 or 30 days.
    ...run(newYear.next(-1), 4, '春节'),
    ...run(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay(), 1, '清明节'),
    ...run(SolarDay.fromYmd(year, 5, 1), 2, '劳动节'),
    ...run(LunarDay.fromYmd(year, 5, 5).getSolarDay(), 1, '端午节'),
    ...run(LunarDay.fromYmd(year, 8, 15).getSolarDay(), 1, '中秋节'),
    ...run(SolarDay.fromYmd(year, 10, 1), 3, '国庆节'),
  ].sort((a, b) => (a.day < b.day ? -1 : 1));
  memo.set(year, holidays);
  return holidays;
}

/** The holiday's name when `day` is one of its year's statutory holidays. */
export function statutoryHolidayOn(day: string): string | undefined {
  return fixedStatutoryHolidays(Number(day.slice(0, 4))).find((h) => h.day === day)?.name;
}
