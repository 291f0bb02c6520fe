// Timeliness and coverage of the last `months` months up to `month`, for a department and its
// sub-departments, in two set-based queries (one over the deadline months, one over the month-end
// snapshots). Same definitions as the month's figures (src/domain/kpi/kpi-counts.ts).
import type { DashboardTrendPoint } from '../../domain/kpi/dashboard-types.ts';
import { deriveKpiFigures } from '../../domain/kpi/kpi-figures.ts';
import { emptyKpiCounts } from '../../domain/kpi/kpi-counts.ts';
import { kpiMonth, shiftKpiMonth } from '../../domain/kpi/kpi-month.ts';
import { monthRange } from '../../domain/money/months.ts';
import type { Db } from '../../db/client.ts';
import type { EnrolmentSettings } from '../enrolment/load-enrolment-settings.ts';
import { countCoverage } from './count-coverage.ts';
import { countEnrolmentCohorts } from './count-enrolment-cohorts.ts';

/** One month of the trend: the dashboard's own type (src/domain/kpi/dashboard-types.ts). */
export type KpiTrendPoint = DashboardTrendPoint;

/** @example await computeKpiTrend(db, settings, { departmentId: null, month: '2026-11', months: 12, today: '2026-12-07' }) */
export async function computeKpiTrend(db: Db, settings: Pick<EnrolmentSettings, 'rules' | 'calendar'>, o: { departmentId: string | null; month: string; months: number; today: string }): Promise<KpiTrendPoint[]> {
  const months = monthRange(shiftKpiMonth(o.month, 1 - o.months), o.month);
  const snapshots = months.map((m) => kpiMonth(m, o.today).snapshotDay);
  const [cohorts, coverage] = await Promise.all([
    countEnrolmentCohorts(db, settings, { departmentId: o.departmentId, from: months[0] as string, to: o.month, today: o.today }),
    countCoverage(db, { departmentId: o.departmentId, days: snapshots }),
  ]);
  return months.map((month, i) => {
    const c = emptyKpiCounts();
    for (const r of cohorts.filter((x) => x.month === month)) {
      c.deadlineHires += r.deadlineHires;
      c.enrolledOnTime += r.enrolledOnTime;
    }
    for (const r of coverage.filter((x) => x.day === snapshots[i])) {
      c.activeEmployees += r.activeEmployees;
      c.coveredEmployees += r.coveredEmployees;
    }
    const f = deriveKpiFigures(c);
    return { month, deadlineHires: c.deadlineHires, enrolledOnTime: c.enrolledOnTime, timelinessPct: f.timelinessPct, activeEmployees: c.activeEmployees, coveredEmployees: c.coveredEmployees, coveragePct: f.coveragePct };
  });
}
