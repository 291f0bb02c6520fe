// The monthly report of a month: the dashboard's answer for the whole company (the same KPI
// computation, no second one) and the previous month's score for the change. Used by the card
// job and the Excel download alike.
import type { Actor } from '../../domain/actor.ts';
import type { Dashboard } from '../../domain/kpi/dashboard-types.ts';
import type { ServiceDeps } from '../deps.ts';
import { getDashboard } from './get-dashboard.ts';

export interface MonthlyReport {
  report: Dashboard;
  previousScore: number;
}

/**
 * `today` as for getDashboard: the job passes its as-of day.
 * @example const { report, previousScore } = await getMonthlyReport(deps, { actor, month: '2026-12' });
 */
export async function getMonthlyReport(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: { actor: Actor; month: string; today?: string }): Promise<MonthlyReport> {
  const scope = { actor: o.actor, departmentId: null, ...(o.today && { today: o.today }) };
  const report = await getDashboard(deps, { ...scope, month: o.month });
  const previous = await getDashboard(deps, { ...scope, month: report.previousMonth });
  return { report, previousScore: previous.score.score };
}
