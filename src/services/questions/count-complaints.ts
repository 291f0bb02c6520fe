// 员工社保投诉 for the KPIs: complaints (kind COMPLAINT) asked in a month, by the department the
// asker was in when asking, that department's sub-departments included. The month is the
// Asia/Shanghai calendar month of the moment the complaint was made.
import type { ServiceDeps } from '../deps.ts';

/**
 * @example
 *   await countComplaints(deps, { month: '2026-12' })                   // the whole company
 *   await countComplaints(deps, { month: '2026-12', departmentId: id }) // a department and its sub-departments
 */
export async function countComplaints(deps: Pick<ServiceDeps, 'db' | 'businessTz'>, o: { month: string; departmentId?: string }): Promise<number> {
  const [row] = await deps.db.$queryRaw<{ n: bigint }[]>`
    WITH RECURSIVE tree AS (
      SELECT id FROM "Department" WHERE id = ${o.departmentId ?? null}::uuid
      UNION ALL SELECT d.id FROM "Department" d JOIN tree t ON d."parentId" = t.id
    )
    SELECT COUNT(*) AS n FROM "EmployeeQuestion" q
     WHERE q.kind = 'COMPLAINT'
       AND to_char(q."createdAt" AT TIME ZONE ${deps.businessTz}, 'YYYY-MM') = ${o.month}
       AND (${o.departmentId ?? null}::uuid IS NULL OR q."departmentId" IN (SELECT id FROM tree))`;
  return Number(row?.n ?? 0);
}
