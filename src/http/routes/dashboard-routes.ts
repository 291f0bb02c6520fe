// The HR dashboard (PRODUCT.md §J) in one request per view, and the KPI scoring rules HR
// managers keep as company settings.
import { z } from 'zod';
import { kpiScoringSchema } from '../../domain/kpi/kpi-scoring.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { buildMonthlyReportWorkbook, monthlyReportFileName } from '../../services/kpi/build-monthly-report-workbook.ts';
import { getDashboard } from '../../services/kpi/get-dashboard.ts';
import { getKpiScoring } from '../../services/kpi/get-kpi-scoring.ts';
import { setKpiScoring } from '../../services/kpi/set-kpi-scoring.ts';
import { defineRoute } from '../api-route.ts';

const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, '月份应写成 2026-01 这样的年月');
const dashboardQuery = z.object({
  /** Left out: the current month (Asia/Shanghai). */
  month: month.optional(),
  departmentId: z.uuid('部门编号不对，请从部门列表中选择').optional(),
}).strict();

const reportQuery = z.object({ month }).strict();

export function dashboardRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/dashboard', tag: 'kpi', query: dashboardQuery,
      summary: 'The compliance dashboard of a month (YYYY-MM, not in the future; left out: the current month) for a department with its sub-departments (all when departmentId is left out): figures with the change from the previous month, the 12-month trend of timeliness and coverage, the per-department table and the KPI score. Amounts (back-pay) are null except for HR_MANAGER, FINANCE and ADMIN. Definitions: docs/dashboard.md',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN', action: 'kpi.read',
      handler: ({ actor, query }) => getDashboard(deps, { actor, month: query.month ?? null, departmentId: query.departmentId ?? null }),
    }),
    defineRoute({
      method: 'get', path: '/dashboard/report.xlsx', tag: 'kpi', query: reportQuery,
      summary: 'The monthly report (社保合规月报) of a month for the whole company as an Excel workbook: one sheet per area (概览, 考核得分, 增员及时率, 参保覆盖, 预警, 补缴, 例外, 缺勤与离职, 对账任务, 部门), from the same computation as GET /dashboard; numbers as numbers, percentages with a percent format, months and days as dates. Amount cells only for HR_MANAGER, FINANCE and ADMIN',
      roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN', action: 'kpi.read',
      handler: async ({ actor, query, ctx }) => {
        const workbook = await buildMonthlyReportWorkbook(deps, { actor, month: query.month });
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(monthlyReportFileName(query.month))}`);
        ctx.set('Cache-Control', 'private, no-store');
        return Buffer.from(await workbook.xlsx.writeBuffer());
      },
    }),
    defineRoute({
      method: 'get', path: '/settings/kpi-scoring', tag: 'settings', roles: 'HR_SPECIALIST, HR_MANAGER, FINANCE, ADMIN', action: 'kpi.read',
      summary: 'The KPI scoring rules: full score, targets and points per shortfall (defaults: timeliness 100 %, −2 per 1 %; back-pay 0 a year, −5 each; complaints −3 each; coverage 100 %, −1 per 1 %)',
      handler: ({ actor }) => getKpiScoring(deps, { actor }),
    }),
    defineRoute({
      method: 'put', path: '/settings/kpi-scoring', tag: 'settings', body: kpiScoringSchema.partial(), roles: 'HR_MANAGER, ADMIN', action: 'kpi.configure',
      summary: 'Change the KPI scoring rules (fields left out keep their value); audit event kpi.scoring_changed',
      handler: ({ actor, body }) => setKpiScoring(deps, { actor, input: body }),
    }),
  ];
}
