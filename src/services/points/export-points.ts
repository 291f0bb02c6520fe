// The points export for the performance system (GET /points/export.xlsx?year=): every employee
// not exited, and any leaver with points that year, by department and 工号.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { pointRuleLabels, type PointRule } from '../../domain/points/point-events.ts';
import { pointsWorkbook, type PointsExportRow } from '../../documents/points/points-workbook.ts';
import type { ServiceDeps } from '../deps.ts';
import { yearBounds } from './points-year.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** @example const wb = await exportPoints(deps, { actor, year: 2026 }); await wb.xlsx.writeBuffer() */
export async function exportPoints(deps: Pick<ServiceDeps, 'db' | 'businessTz'>, o: { actor: Actor; year: number }) {
  authorize(o.actor, 'points.report');
  const { from, to } = yearBounds(deps.businessTz, o.year);
  const inYear = { awardedAt: { gte: from, lt: to } };
  const employees = await deps.db.employee.findMany({
    where: { OR: [{ status: { not: 'EXITED' } }, { id: { in: (await deps.db.pointAward.findMany({ where: inYear, select: { employeeId: true }, distinct: ['employeeId'] })).map((a) => a.employeeId) } }] },
    select: { id: true, employeeNo: true, name: true, department: { select: { name: true } } },
  });
  const awards = await deps.db.pointAward.findMany({ where: { ...inYear, employeeId: { in: employees.map((e) => e.id) } }, orderBy: [{ awardedAt: 'asc' }, { id: 'asc' }] });
  const byEmployee = Map.groupBy(awards, (a) => a.employeeId);
  const rows: PointsExportRow[] = employees.map((e) => {
    const mine = byEmployee.get(e.id) ?? [];
    return {
      employeeNo: e.employeeNo, name: e.name, department: e.department.name, total: mine.reduce((n, a) => n + a.points, 0),
      details: mine.map((a) => `${dayIn(deps.businessTz, a.awardedAt)} ${pointRuleLabels[a.rule as PointRule] ?? '积分调整'} ${signed(a.points)}：${a.reason}`),
    };
  }).sort((a, b) => a.department.localeCompare(b.department, 'zh') || a.employeeNo.localeCompare(b.employeeNo));
  return pointsWorkbook(o.year, rows);
}
