// The demo company clocks in: everyone at work has a morning clock-in at the head office on each
// of the last DEMO_CLOCK_IN_WORKDAYS attendance workdays before the seeding day, from their start
// date on. Without them the absence detection would report every new hire as absent since their
// first day on the very morning they get their enrolment cards. One person (scenario 'absent')
// stopped coming DEMO_ABSENT_WORKDAYS workdays ago: the case the walkthrough shows.
import type { Tx } from '../../db/client.ts';
import { addDays } from '../../domain/dates.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';

export const DEMO_CLOCK_IN_WORKDAYS = 20;
export const DEMO_ABSENT_WORKDAYS = 4;

/** The last `n` attendance workdays before `today`, oldest first. */
export function workdaysBefore(today: string, n: number, calendar: WorkCalendar): string[] {
  const days: string[] = [];
  for (let d = addDays(today, -1); days.length < n; d = addDays(d, -1)) if (calendar.isWorkday(d)) days.unshift(d);
  return days;
}

/**
 * One set-based insert of ~60 people × 20 days. Times are 08:40–09:19 in the business time zone,
 * spread by a hash so the list does not look machine-made; distances stay inside the 300 m fence.
 * @example await seedDemoClockIns(tx, { today: '2026-12-07', calendar, businessTz: 'Asia/Shanghai', absentEmployeeNo: 'E0031', siteId })
 */
export async function seedDemoClockIns(tx: Tx, opts: { today: string; calendar: WorkCalendar; businessTz: string; absentEmployeeNo: string | undefined; siteId: string }): Promise<number> {
  const days = workdaysBefore(opts.today, DEMO_CLOCK_IN_WORKDAYS, opts.calendar);
  const absentFrom = days[days.length - DEMO_ABSENT_WORKDAYS] ?? opts.today;
  return tx.$executeRaw`
    INSERT INTO "AttendanceRecord" (id, "employeeId", day, at, source, "sourceId", kind, flags, "distanceM", "insideFence", "siteId")
    SELECT gen_random_uuid(), e.id, d.day,
      (d.day + time '08:40' + (abs(hashtext(e.id::text || d.day::text)) % 40) * interval '1 minute') AT TIME ZONE ${opts.businessTz},
      'h5', 'demo:' || e.id::text || ':' || d.day::text, '上班', '{}', abs(hashtext(d.day::text || e.id::text)) % 250, true, ${opts.siteId}::uuid
    FROM "Employee" e CROSS JOIN unnest(${days}::date[]) AS d(day)
    WHERE e.status IN ('ACTIVE', 'PENDING_EXIT') AND e."startDate" <= d.day
      AND NOT (e."employeeNo" = ${opts.absentEmployeeNo ?? ''} AND d.day >= ${absentFrom}::date)`;
}
