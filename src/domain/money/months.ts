// Contribution months ('YYYY-MM') and their days, as text that compares correctly.
import { addDays } from '../dates.ts';

export function isValidMonth(month: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m !== null && Number(m[1]) >= 1990 && Number(m[1]) <= 2100 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The month after `month`. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to`, both included (empty when `to` is earlier). */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** The last day of `month` (28, 29, 30 or 31). */
export function lastDayOf(month: string): string {
  return addDays(`${nextMonth(month)}-01`, -1);
}

/** Day `dueDay` of the month itself ("last" = its last day): the day by which it must be paid. */
export function dueDayOf(month: string, dueDay: 'last' | number): string {
  return dueDay === 'last' ? lastDayOf(month) : `${month}-${String(dueDay).padStart(2, '0')}`;
}
