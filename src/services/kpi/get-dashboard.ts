// Everything the dashboard view needs in one answer: the month's figures with the change from the
// previous month, the 12-month trend of timeliness and coverage, the per-department table and the
// KPI score under the company's scoring rules. Amounts only for roles with 'kpi.readAmounts'
// (HR manager, finance, admin); for the others they are null, never a zero that could mislead.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { exceptionStatusLabels } from '../../domain/exceptions/exception-status.ts';
import { buildDashboardFigures } from '../../domain/kpi/dashboard-figures.ts';
import type { Dashboard, DashboardDepartmentRow } from '../../domain/kpi/dashboard-types.ts';
import { deriveKpiFigures } from '../../domain/kpi/kpi-figures.ts';
import { shiftKpiMonth } from '../../domain/kpi/kpi-month.ts';
import { scoreKpis, type KpiScoring } from '../../domain/kpi/kpi-scoring.ts';
import { formatYuan } from '../../domain/money.ts';
import { authorize, scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadEnrolmentSettings } from '../enrolment/load-enrolment-settings.ts';
import { reconciliationKindInfo, type ReconciliationKind } from '../reconciliation/reconciliation-kinds.ts';
import { computeKpiTrend } from './compute-kpi-trend.ts';
import { computeMonthKpis, type DepartmentKpis } from './compute-month-kpis.ts';
import { getKpiScoring } from './get-kpi-scoring.ts';

const TREND_MONTHS = 12;

/** How complaints are counted, shown under the score. */
const COMPLAINTS_NOTE = '员工社保投诉按提出的月份、提出时所在部门计入';

/**
 * `today` (default: today in BUSINESS_TZ) is the day the dashboard stands at: the monthly report
 * job passes its as-of day, so a report run late or rerun shows the same month-end snapshot.
 * @example await getDashboard(deps, { actor, month: '2026-11', departmentId: null })
 */
export async function getDashboard(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: { actor: Actor; month: string | null; departmentId: string | null; today?: string }): Promise<Dashboard> {
  authorize(o.actor, 'kpi.read');
  const today = o.today ?? dayIn(deps.businessTz, deps.now());
  const month = o.month ?? today.slice(0, 7);
  if (month > today.slice(0, 7)) throw new AppError('bad_request', `${month} 还没有到，请选择本月（${today.slice(0, 7)}）或以前的月份`);
  const amountsVisible = scopeOf(o.actor, 'kpi.readAmounts') !== undefined;
  const settings = await loadEnrolmentSettings(deps.db);
  const previousMonth = shiftKpiMonth(month, -1);
  const scope = { actor: o.actor, departmentId: o.departmentId, today, settings };
  const [current, previous, trend, rules] = await Promise.all([
    computeMonthKpis(deps, { ...scope, month }),
    computeMonthKpis(deps, { ...scope, month: previousMonth }),
    computeKpiTrend(deps.db, settings, { departmentId: o.departmentId, month, months: TREND_MONTHS, today }),
    getKpiScoring(deps, { actor: o.actor }),
  ]);
  const c = current.total.counts;
  return {
    month,
    previousMonth,
    snapshotDay: current.month.snapshotDay,
    department: o.departmentId ? { id: o.departmentId, name: current.total.name } : null,
    figures: buildDashboardFigures(c, previous.total.counts),
    alertsByStage: { day23: c.alertsDay23, day28: c.alertsDay28, overdue: c.alertsOverdue },
    exceptionsByState: Object.entries(c.exceptionsByState).map(([state, count]) => ({ state, label: exceptionStatusLabels[state as keyof typeof exceptionStatusLabels] ?? state, count })),
    reconciliationByKind: Object.entries(c.reconciliationByKind).map(([kind, n]) => ({ kind, label: reconciliationKindInfo[kind as ReconciliationKind]?.label ?? kind, ...n })),
    backPay: {
      events: c.backPayEvents,
      months: c.backPayMonths,
      eventsThisYear: current.total.backPayEventsThisYear,
      amountFen: amountsVisible ? current.total.backPayFen : null,
      amountText: amountsVisible ? formatYuan(current.total.backPayFen) : null,
      unpriced: current.backPayUnpriced,
    },
    trend,
    departments: current.departments.map((d) => departmentRow(d, rules, amountsVisible)),
    score: { ...scoreOf(current.total, rules), rules, note: COMPLAINTS_NOTE },
    amountsVisible,
  };
}

function scoreOf(d: DepartmentKpis, rules: KpiScoring) {
  const f = deriveKpiFigures(d.counts);
  return scoreKpis({ timelinessPct: f.timelinessPct, coveragePct: f.coveragePct, backPayEventsThisYear: d.backPayEventsThisYear, complaints: d.counts.complaints }, rules);
}

function departmentRow(d: DepartmentKpis, rules: KpiScoring, amountsVisible: boolean): DashboardDepartmentRow {
  const c = d.counts;
  const f = deriveKpiFigures(c);
  return {
    departmentId: d.departmentId, name: d.name, own: d.own,
    deadlineHires: c.deadlineHires, enrolledOnTime: c.enrolledOnTime, timelinessPct: f.timelinessPct,
    activeEmployees: c.activeEmployees, coveredEmployees: c.coveredEmployees, coveragePct: f.coveragePct,
    openAlerts: f.openAlerts, exceptionsOpen: f.exceptionsOpen, absencesOpen: c.absencesOpen, exitsOpen: c.exitsOpen, exitTasksOverdue: c.exitTasksOverdue,
    backPayEvents: c.backPayEvents, backPayFen: amountsVisible ? d.backPayFen : null, complaints: c.complaints,
    score: scoreOf(d, rules).score,
  };
}
