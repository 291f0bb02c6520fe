import type { Actor } from '../../domain/actor.ts';
import { workdayOnOrAfter } from '../../domain/calendar/day-math.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { shiftMonth } from './get-contribution-statement.ts';

export interface TimelinessRow {
  /** Hire month, 'YYYY-MM'. */
  month: string;
  department: string;
  hires: number;
  enrolledWithin30Days: number;
  /** enrolledWithin30Days / hires, 0..1 rounded to 4 places. */
  share: number;
}

const MAX_MONTHS = 36;

/** Every day from the first of `from` to the last of `to`. */
function daysOfMonths(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = `${from}-01`; d < `${shiftMonth(to, 1)}-01`; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The share of hires enrolled on time, per hire month and department, in one query.
 * Enrolled = the earliest Enrolment.enrolledOn, or Employee.enrolledOn from the roster,
 * whichever is earlier. On time = by the legal deadline: start + 30 days (社会保险法 第五十八条),
 * rolled forward to a working day of the statutory calendar (民法典 第二百零三条), the same
 * deadline the alerts use: start 2026-09-01 enrolled 2026-10-08 is on time (day 30 is 国庆).
 * The deadline of each start day is computed here and joined in as an array (set-based).
 *
 * @example
 *   await getEnrolmentTimeliness(deps, { actor, from: '2026-01', to: '2026-06' });
 */
export async function getEnrolmentTimeliness(deps: ServiceDeps, opts: { actor: Actor; from: string; to: string }): Promise<{ from: string; to: string; rows: TimelinessRow[] }> {
  authorize(opts.actor, 'kpi.read');
  const { from, to } = opts;
  if (from > to) throw new AppError('bad_request', `起始月份（${from}）不能晚于结束月份（${to}）`);
  if (shiftMonth(from, MAX_MONTHS) <= to) throw new AppError('bad_request', `一次最多查询 ${MAX_MONTHS} 个月`);
  const calendar = await loadWorkCalendar(deps.db, { purpose: 'legal', missingYear: 'KPI deadlines may move once the notice is imported' });
  const starts = daysOfMonths(from, to);
  const deadlines = starts.map((d) => parseDay(workdayOnOrAfter(addDays(d, 30), calendar)));
  const rows = await deps.db.$queryRaw<{ month: string; department: string; hires: number; on_time: number }[]>`
    SELECT to_char(e."startDate", 'YYYY-MM') AS month, d.name AS department, count(*)::int AS hires,
      count(*) FILTER (WHERE LEAST(e."enrolledOn", en.first_on) <= dl.deadline)::int AS on_time
    FROM "Employee" e
    JOIN "Department" d ON d.id = e."departmentId"
    JOIN unnest(${starts.map(parseDay)}::date[], ${deadlines}::date[]) AS dl(start_day, deadline) ON dl.start_day = e."startDate"
    LEFT JOIN (SELECT "employeeId", min("enrolledOn") AS first_on FROM "Enrolment" GROUP BY "employeeId") en ON en."employeeId" = e.id
    WHERE e."startDate" >= ${`${from}-01`}::date AND e."startDate" < (${`${shiftMonth(to, 1)}-01`}::date)
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return {
    from, to,
    rows: rows.map((r) => ({ month: r.month, department: r.department, hires: r.hires, enrolledWithin30Days: r.on_time, share: Math.round((r.on_time / r.hires) * 10_000) / 10_000 })),
  };
}
