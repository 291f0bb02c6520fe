// Who can owe a retirement reminder as at a day: a reminder is due from a month before the
// statutory retirement day until that day, so the day falls in the month of `asOf` or the next.
// The age depends only on the birth month and the category (statutory-retirement.ts), so each
// category gives the birth months whose age lands there: at most two or three, one range of birth
// days. The reminder job reads only those employees (an index range on birthDate per category)
// instead of everyone aged 50 to 63, and checks the exact day itself.
import { monthIndex, monthOfIndex } from './month-math.ts';
import { RETIREMENT_CATEGORIES, statutoryRetirement, type RetirementCategory } from './statutory-retirement.ts';

export interface BirthDayRange {
  category: RetirementCategory;
  /** 'YYYY-MM-DD', both included. */
  from: string;
  to: string;
}

/** The youngest statutory age (50, women workers before the reform) and the oldest (63, men after it), in months. */
const YOUNGEST = 50 * 12;
const OLDEST = 63 * 12;

const lastDayOf = (month: string) => `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

/**
 * @example birthDaysRetiringAround('2026-06-15') // → [{ category: 'male', from: '1966-02-01', to: '1966-03-31' }, …]
 */
export function birthDaysRetiringAround(asOf: string): BirthDayRange[] {
  const due = monthIndex(asOf.slice(0, 7));
  return RETIREMENT_CATEGORIES.flatMap((category) => {
    const months: number[] = [];
    for (let m = due - OLDEST - 1; m <= due + 1 - YOUNGEST; m++) {
      const reached = monthIndex(statutoryRetirement(monthOfIndex(m), category).month);
      if (reached === due || reached === due + 1) months.push(m);
    }
    if (months.length === 0) return [];
    return [{ category, from: `${monthOfIndex(months[0]!)}-01`, to: lastDayOf(monthOfIndex(months[months.length - 1]!)) }];
  });
}
