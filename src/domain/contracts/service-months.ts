// Months of service between two days, and the economic compensation they earn (劳动合同法
// 第四十七条). `asOf` is exclusive: for service "from the first day of work through the last day,
// inclusive" pass the day after the last day (see serviceEndExclusive).
import { addDays, parseDay } from '../dates.ts';

/** The exclusive end of a service whose last day is `lastDay` (service is counted inclusively). */
export const serviceEndExclusive = (lastDay: string) => addDays(lastDay, 1);

/** `start` plus n months; a day past the target month's end clamps to its last day. */
export function addMonths(start: string, n: number): string {
  const d = parseDay(`${start.slice(0, 7)}-01`);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(Number(start.slice(8, 10)), last));
  return d.toISOString().slice(0, 10);
}

/** Whole months of service from `start` to `asOf` (a month is complete on the same day number). */
export function fullMonthsOfService(start: string, asOf: string): number {
  if (asOf < start) return 0;
  let months = (Number(asOf.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(start.slice(5, 7));
  if (addMonths(start, months) > asOf) months--;
  return months;
}

/**
 * Compensation under 劳动合同法 第四十七条, in half months: one month's wage per full year of service;
 * a remainder of six months or more counts as a year, a shorter one (even days) as half a month.
 * The cap for wages above three times the local average (3× that average, at most 12 years) is left
 * out: the local average wage is not known to this first version, so very high wages are overstated.
 */
export function compensationHalfMonths(start: string, asOf: string): number {
  if (asOf <= start) return 0;
  const months = fullMonthsOfService(start, asOf);
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (rest >= 6) return years * 2 + 2;
  return years * 2 + (addMonths(start, years * 12) < asOf ? 1 : 0);
}

