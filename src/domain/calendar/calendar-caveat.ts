// What a person is told about a date computed from a year whose State Council notice is not out:
// its fixed holidays are counted, its 调休 and 补休 are not, so the date may still move later.
import type { WorkCalendar } from './work-calendar.ts';

/** Years in [from, to] (both 'YYYY-MM-DD') without the annual notice. */
export function incompleteYearsIn(calendar: Pick<WorkCalendar, 'isYearComplete'>, from: string, to: string): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!calendar.isYearComplete(y)) years.push(y);
  return years;
}

/**
 * @example calendarCaveat([2027]) // '2027年放假安排未公布，日期可能顺延'
 */
export function calendarCaveat(years: readonly number[]): string | undefined {
  if (years.length === 0) return undefined;
  return `${years.map((y) => `${y}年`).join('、')}放假安排未公布，日期可能顺延`;
}
