// The calendar of a year as HR manages it: whether the State Council's notice is known (from the
// package or imported), its fixed statutory holidays, and the statutory and company overrides.
import type { Actor } from '../../domain/actor.ts';
import { chineseDaysCalendar } from '../../domain/calendar/official-calendar.ts';
import { calendarCaveat } from '../../domain/calendar/calendar-caveat.ts';
import { fixedStatutoryHolidays, type StatutoryHoliday } from '../../domain/calendar/statutory-holidays.ts';
import { formatDateTime, formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';
import { calendarKindName } from './calendar-day-kind.ts';
import type { CalendarOverrideView } from './set-calendar-override.ts';

export interface CalendarYearView {
  year: number;
  /** chinese-days ships the year's notice. */
  hasHolidayData: boolean;
  /** The notice is known (package or import): only then is every date of the year final. */
  complete: boolean;
  /** 「2027年放假安排未公布，日期可能顺延」 while incomplete. */
  caveat: string | null;
  /** The imported notice, if any. */
  notice: { title: string; importedAt: string; importedBy: string } | null;
  fixedHolidays: StatutoryHoliday[];
  overrides: CalendarOverrideView[];
}

/** @example await listCalendarOverrides(deps, { actor, year: 2027 }) // → { year: 2027, complete: false, caveat: '2027年放假安排未公布，日期可能顺延', … } */
export async function listCalendarOverrides(deps: ServiceDeps, opts: { actor: Actor; year: number }): Promise<CalendarYearView> {
  authorize(opts.actor, 'calendar.manage');
  const [rows, notice] = await Promise.all([
    deps.db.workCalendarOverride.findMany({
      where: { day: { gte: parseDay(`${opts.year}-01-01`), lte: parseDay(`${opts.year}-12-31`) } },
      orderBy: [{ day: 'asc' }, { kind: 'asc' }],
    }),
    deps.db.holidayNotice.findUnique({ where: { year: opts.year } }),
  ]);
  const hasHolidayData = chineseDaysCalendar.hasYear(opts.year);
  const complete = hasHolidayData || notice !== null;
  return {
    year: opts.year,
    hasHolidayData,
    complete,
    caveat: complete ? null : (calendarCaveat([opts.year]) as string),
    notice: notice && { title: notice.title, importedAt: formatDateTime(deps.businessTz, notice.importedAt), importedBy: notice.importedBy },
    fixedHolidays: fixedStatutoryHolidays(opts.year),
    overrides: rows.map((r) => ({ day: formatDay(r.day) as string, isWorkday: r.isWorkday, reason: r.reason, kind: calendarKindName(r.kind), source: r.source })),
  };
}
