// The bounds of a date picker as Asia/Shanghai days ('YYYY-MM-DD'): the company's today, whatever
// zone the phone is set to, and plain calendar arithmetic on days (no zone involved).
import { shanghaiDate } from './format-time.ts';

export const shanghaiToday = (): string => shanghaiDate(new Date().toISOString());

/** addDays('2026-12-07', 30) === '2027-01-06' */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return calendarDay(new Date(Date.UTC(y, m - 1, d + days)));
}

/** 'YYYY-MM-DD' of a date built with Date.UTC: calendar arithmetic, no zone involved. */
export function calendarDay(d: Date): string {
  return `${calendarMonth(d)}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** 'YYYY-MM' of a date built with Date.UTC. */
export function calendarMonth(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The day itself when inside [min, max], else the nearer bound. */
export const clampDay = (day: string, min: string, max: string): string => (day < min ? min : day > max ? max : day);
