import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
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

/**
 * The share of hires enrolled within 30 days, per hire month and department, in one query.
 * Enrolled = the earliest Enrolment.enrolledOn, or Employee.enrolledOn from the roster,
 * whichever is earlier. The rule here is plain calendar days (start + 30); the deadline
 * engine's roll-forward over rest days and holidays is for alerts, not for this KPI.
 *
 * @example
 *   await getEnrolmentTimeliness(deps, { actor, from: '2026-01', to: '2026-06' });
 */
export async function getEnrolmentTimeliness(deps: ServiceDeps, opts: { actor: Actor; from: string; to: string }): Promise<{ from: string; to: string; rows: TimelinessRow[] }> {
  authorize(opts.actor, 'kpi.read');
  const { from, to } = opts;
  if (from > to) throw new AppError('bad_request', `from（${from}）不能晚于 to（${to}）`);
  if (shiftMonth(from, MAX_MONTHS) <= to) throw new AppError('bad_request', `一次最多查询 ${MAX_MONTHS} 个月`);
  const rows = await deps.db.$queryRaw<{ month: string; department: string; hires: number; on_time: number }[]>`
    SELECT to_char(e."startDate", 'YYYY-MM') AS month, d.name AS department, count(*)::int AS hires,
      count(*) FILTER (WHERE LEAST(e."enrolledOn", en.first_on) <= e."startDate" + 30)::int AS on_time
    FROM "Employee" e
    JOIN "Department" d ON d.id = e."departmentId"
    LEFT JOIN (SELECT "employeeId", min("enrolledOn") AS first_on FROM "Enrolment" GROUP BY "employeeId") en ON en."employeeId" = e.id
    WHERE e."startDate" >= ${`${from}-01`}::date AND e."startDate" < (${`${shiftMonth(to, 1)}-01`}::date)
    GROUP BY 1, 2
    ORDER BY 1, 2`;
  return {
    from, to,
    rows: rows.map((r) => ({ month: r.month, department: r.department, hires: r.hires, enrolledWithin30Days: r.on_time, share: Math.round((r.on_time / r.hires) * 10_000) / 10_000 })),
  };
}
