// The bounds of a date picker as Asia/Shanghai days ('YYYY-MM-DD'): the company's today, whatever
// zone the phone is set to, and plain calendar arithmetic on days (no zone involved).
import { shanghaiDate } from './format-time.ts';

export const shanghaiToday = (): string => shanghaiDate(new Date().toISOString());

/** addDays('2026-12-07', 30) === '2027-01-06' */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day itself when inside [min, max], else the nearer bound. */
export const clampDay = (day: string, min: string, max: string): string => (day < min ? min : day > max ? max : day);
