// HR's 积分排行 for a calendar year: per department the sum of its employees' points and the average
// per employee, and the top employees. Counted: employees not exited, in their current department
// (a leaver's points stay in their history and the export, not in the ranking). One SQL per table.
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { PointsRankingView } from '../../domain/views/points.ts';
import type { ServiceDeps } from '../deps.ts';
import { yearBounds } from './points-year.ts';

export const TOP_EMPLOYEES = 10;

/** @example (await rankPoints(deps, { actor, year: 2026 })).departments[0] // { name: '研发部', employees: 3, total: 7, average: 2.3, … } */
export async function rankPoints(deps: Pick<ServiceDeps, 'db' | 'businessTz'>, o: { actor: Actor; year: number }): Promise<PointsRankingView> {
  authorize(o.actor, 'points.report');
  const { from, to } = yearBounds(deps.businessTz, o.year);
  const perEmployee = deps.db.$queryRaw<{ employeeId: string; employeeNo: string; name: string; departmentId: string; department: string; total: number }[]>`
    SELECT e."id" AS "employeeId", e."employeeNo", e."name", d."id" AS "departmentId", d."name" AS "department",
           COALESCE(SUM(p."points"), 0)::int AS "total"
      FROM "Employee" e
      JOIN "Department" d ON d."id" = e."departmentId"
      LEFT JOIN "PointAward" p ON p."employeeId" = e."id" AND p."awardedAt" >= ${from} AND p."awardedAt" < ${to}
     WHERE e."status" <> 'EXITED'
     GROUP BY e."id", d."id"`;
  const rows = await perEmployee;
  const departments = new Map<string, { departmentId: string; name: string; employees: number; total: number }>();
  for (const r of rows) {
    const d = departments.get(r.departmentId) ?? { departmentId: r.departmentId, name: r.department, employees: 0, total: 0 };
    d.employees++;
    d.total += r.total;
    departments.set(r.departmentId, d);
  }
  return {
    year: o.year,
    departments: [...departments.values()]
      .map((d) => ({ ...d, average: Math.round((d.total * 10) / d.employees) / 10 }))
      .sort((a, b) => b.total - a.total || b.average - a.average || a.name.localeCompare(b.name, 'zh')),
    top: rows.filter((r) => r.total > 0)
      .sort((a, b) => b.total - a.total || a.employeeNo.localeCompare(b.employeeNo))
      .slice(0, TOP_EMPLOYEES)
      .map(({ employeeId, employeeNo, name, department, total }) => ({ employeeId, employeeNo, name, department, total })),
  };
}
