// The compliance KPIs of one month for a department and its sub-departments (all departments when
// none is chosen), per department bucket and in total, in a handful of set-based queries (cohorts,
// coverage, open work, back-pay events, department names): the cost does not grow with the
// number of employees' rows fetched. Definitions: src/domain/kpi/kpi-counts.ts.
import type { Actor } from '../../domain/actor.ts';
import { addKpiCounts, emptyKpiCounts, type KpiCounts } from '../../domain/kpi/kpi-counts.ts';
import { kpiMonth, type KpiMonth } from '../../domain/kpi/kpi-month.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadEnrolmentSettings, type EnrolmentSettings } from '../enrolment/load-enrolment-settings.ts';
import { countComplaintBuckets } from './count-complaint-buckets.ts';
import { countCoverage } from './count-coverage.ts';
import { countEnrolmentCohorts } from './count-enrolment-cohorts.ts';
import { countOpenWork, type OpenWorkRow } from './count-open-work.ts';
import { findBackPayEvents } from './find-back-pay-events.ts';
import { findKpiDepartments } from './find-kpi-departments.ts';
import { priceBackPayEvents } from './price-back-pay-events.ts';

export interface DepartmentKpis {
  departmentId: string;
  name: string;
  /** True for the chosen department's own staff (not those of its sub-departments). */
  own: boolean;
  counts: KpiCounts;
  /** Back-pay events from January to the month (for 年度补缴次数). */
  backPayEventsThisYear: number;
  /** Contributions and late fees of the month's priced back-pay events, in fen. */
  backPayFen: number;
}

export interface MonthKpis {
  month: KpiMonth;
  departmentId: string | null;
  total: DepartmentKpis;
  departments: DepartmentKpis[];
  /** Back-pay events of the month without a wage, city or policy to price them. */
  backPayUnpriced: number;
}

type Deps = Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>;

/**
 * @example const k = await computeMonthKpis(deps, { actor, month: '2026-11', departmentId: null });
 *   k.total.counts.enrolledOnTime / k.total.counts.deadlineHires
 */
export async function computeMonthKpis(deps: Deps, o: { actor: Actor; month: string; departmentId: string | null; today: string; settings?: EnrolmentSettings }): Promise<MonthKpis> {
  authorize(o.actor, 'kpi.read');
  const settings = o.settings ?? (await loadEnrolmentSettings(deps.db));
  const m = kpiMonth(o.month, o.today);
  const scope = { departmentId: o.departmentId };
  const [departments, cohorts, coverage, openWork, events, complaints] = await Promise.all([
    findKpiDepartments(deps.db, scope),
    countEnrolmentCohorts(deps.db, settings, { ...scope, from: o.month, to: o.month, today: o.today }),
    countCoverage(deps.db, { ...scope, days: [m.snapshotDay] }),
    countOpenWork(deps.db, { ...scope, snapshotDay: m.snapshotDay, month: o.month, timeZone: deps.businessTz }),
    findBackPayEvents(deps.db, { ...scope, from: `${o.month.slice(0, 4)}-01`, to: o.month }),
    countComplaintBuckets(deps.db, { ...scope, month: o.month, timeZone: deps.businessTz }),
  ]);
  const monthEvents = events.filter((e) => e.month === o.month);
  const amounts = await priceBackPayEvents(deps.db, monthEvents);
  const rows = new Map(departments.map((d) => [d.id, { departmentId: d.id, name: d.name, own: d.own, counts: emptyKpiCounts(), backPayEventsThisYear: 0, backPayFen: amounts.fenByBucket[d.id] ?? 0 }]));
  const at = (bucket: string) => rows.get(bucket)?.counts;
  for (const r of cohorts) Object.assign(at(r.bucket) ?? {}, { deadlineHires: r.deadlineHires, enrolledOnTime: r.enrolledOnTime, enrolledHires: r.enrolledHires, enrolDaysSum: r.enrolDaysSum });
  for (const r of coverage) Object.assign(at(r.bucket) ?? {}, { activeEmployees: r.activeEmployees, coveredEmployees: r.coveredEmployees });
  for (const r of complaints) Object.assign(at(r.bucket) ?? {}, { complaints: r.complaints });
  for (const r of openWork) {
    const c = at(r.bucket);
    if (c) addOpenWork(c, r, settings.rules.escalateDay);
  }
  for (const e of events) {
    const row = rows.get(e.bucket);
    if (!row) continue;
    row.backPayEventsThisYear += 1;
    if (e.month === o.month) {
      row.counts.backPayEvents += 1;
      row.counts.backPayMonths += monthsBetween(e.fromMonth, e.toMonth);
    }
  }
  const list = [...rows.values()].filter((d) => !d.own || hasAny(d.counts));
  const total: DepartmentKpis = {
    departmentId: o.departmentId ?? '', name: departments.find((d) => d.own)?.name ?? '全公司', own: false,
    counts: list.reduce((sum, d) => addKpiCounts(sum, d.counts), emptyKpiCounts()),
    backPayEventsThisYear: list.reduce((n, d) => n + d.backPayEventsThisYear, 0),
    backPayFen: list.reduce((n, d) => n + d.backPayFen, 0),
  };
  return { month: m, departmentId: o.departmentId, total, departments: list, backPayUnpriced: amounts.unpriced };
}

function addOpenWork(c: KpiCounts, r: OpenWorkRow, escalateDay: number): void {
  if (r.metric === 'alert') {
    if (r.key === 'overdue') c.alertsOverdue += r.n;
    else if (r.key === `day${escalateDay}`) c.alertsDay28 += r.n;
    else c.alertsDay23 += r.n;
  } else if (r.metric === 'exception') c.exceptionsByState[r.key] = (c.exceptionsByState[r.key] ?? 0) + r.n;
  else if (r.metric === 'reconTotal' || r.metric === 'reconOpen') {
    const k = (c.reconciliationByKind[r.key] ??= { total: 0, open: 0 });
    if (r.metric === 'reconTotal') k.total += r.n;
    else k.open += r.n;
  } else {
    const field = ({ reverify: 'reverifyDue', absence: 'absencesOpen', exit: 'exitsOpen', exitTaskOverdue: 'exitTasksOverdue' } as const)[r.metric as 'reverify'];
    if (field) c[field] += r.n;
  }
}

/** Months from `from` to `to`, both included. */
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

const hasAny = (c: KpiCounts) => c.activeEmployees + c.deadlineHires + c.backPayEvents + c.complaints > 0 || Object.keys(c.exceptionsByState).length > 0;
