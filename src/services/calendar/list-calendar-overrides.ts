// The company calendar for a year: its overrides, and whether chinese-days knows that year's holidays.
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { hasOfficialData } from '../../domain/enrolment/work-calendar.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';
import type { CalendarOverrideView } from './set-calendar-override.ts';

/** @example await listCalendarOverrides(deps, { actor, year: 2026 }) // → { year, hasHolidayData: true, overrides: [...] } */
export async function listCalendarOverrides(deps: ServiceDeps, opts: { actor: Actor; year: number }): Promise<{ year: number; hasHolidayData: boolean; overrides: CalendarOverrideView[] }> {
  authorize(opts.actor, 'calendar.manage');
  const rows = await deps.db.workCalendarOverride.findMany({
    where: { day: { gte: parseDay(`${opts.year}-01-01`), lte: parseDay(`${opts.year}-12-31`) } },
    orderBy: { day: 'asc' },
  });
  return {
    year: opts.year,
    hasHolidayData: hasOfficialData(opts.year),
    overrides: rows.map((r) => ({ day: formatDay(r.day) as string, isWorkday: r.isWorkday, reason: r.reason })),
  };
}
