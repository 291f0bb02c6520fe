// The calendars every sweep uses, from the published calendar (chinese-days), the computed fixed
// holidays, imported State Council notices and the override rows. `legal` counts statutory days
// only (enrolment, 失业备案, 第五十条 transfers, notice periods); `attendance` adds the company's
// closures, extra working days and weekly rest days (absence detection).
import type { Db, Tx } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { createLegalCalendar, createWorkCalendar, type CalendarOverride, type WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Logger } from '../../log.ts';

export interface LoadWorkCalendarOptions {
  purpose: 'legal' | 'attendance';
  log?: Logger;
  /** What a year without the State Council's notice means for this caller, for the log. */
  missingYear: string;
  weeklyRestDays?: readonly number[];
}

/**
 * @example const calendar = await loadWorkCalendar(tx, { purpose: 'legal', log, missingYear: 'exit deadlines may move' });
 */
export async function loadWorkCalendar(db: Db | Tx, o: LoadWorkCalendarOptions): Promise<WorkCalendar> {
  const [rows, notices] = await Promise.all([
    db.workCalendarOverride.findMany({ select: { day: true, isWorkday: true, kind: true } }),
    db.holidayNotice.findMany({ select: { year: true } }),
  ]);
  const of = (kind: 'STATUTORY' | 'COMPANY'): CalendarOverride[] =>
    rows.filter((r) => r.kind === kind).map((r) => ({ day: formatDay(r.day) as string, isWorkday: r.isWorkday }));
  const common = {
    statutory: of('STATUTORY'),
    noticeYears: notices.map((n) => n.year),
    onMissingYear: (year: number) => o.log?.warn({ year }, `no State Council holiday notice for ${year} (fixed holidays only, no 调休): ${o.missingYear}`),
  };
  if (o.purpose === 'legal') return createLegalCalendar(common);
  return createWorkCalendar({ ...common, company: of('COMPANY'), weeklyRestDays: o.weeklyRestDays });
}
