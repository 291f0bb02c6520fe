// The company's work calendar as every sweep uses it: statutory holidays and 调休 (chinese-days),
// the company's own overrides (WorkCalendarOverride) and, for attendance, its weekly rest days.
import type { Db, Tx } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { createWorkCalendar, type WorkCalendar, type WorkCalendarOptions } from '../../domain/enrolment/work-calendar.ts';
import type { Logger } from '../../log.ts';

/**
 * `missingYear` says in the log what a year without holiday data means for this caller.
 * @example const calendar = await loadWorkCalendar(tx, { log, missingYear: 'exit deadlines use weekends only' });
 */
export async function loadWorkCalendar(db: Db | Tx, o: { log?: Logger; missingYear: string } & WorkCalendarOptions): Promise<WorkCalendar> {
  const { log, missingYear, ...options } = o;
  const overrides = await db.workCalendarOverride.findMany({ select: { day: true, isWorkday: true } });
  return createWorkCalendar(
    overrides.map((r) => ({ day: formatDay(r.day) as string, isWorkday: r.isWorkday })),
    (year) => log?.warn({ year }, `chinese-days has no holiday data for ${year}: ${missingYear}`),
    options,
  );
}
