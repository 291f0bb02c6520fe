// The departments a KPI query groups by, as SQL common table expressions: every department under
// the chosen one (or under the root when none is chosen) falls into the bucket of the child it
// descends from, and the chosen department's own staff form a bucket of their own. Employees
// count in their current department (the roster keeps no department history).
import { Prisma } from '../../generated/prisma/client.ts';

/**
 * `sub` and `bucket(dept_id, bucket_id)`, to follow `WITH RECURSIVE`.
 * @example db.$queryRaw`WITH RECURSIVE ${departmentBuckets(id)} SELECT bucket_id, count(*) FROM "Employee" e JOIN bucket b ON b.dept_id = e."departmentId" GROUP BY 1`
 */
export function departmentBuckets(departmentId: string | null): Prisma.Sql {
  return Prisma.sql`
    sub(dept_id, bucket_id) AS (
      SELECT id, id FROM "Department" WHERE "parentId" IS NOT DISTINCT FROM ${departmentId}::uuid
      UNION ALL
      SELECT d.id, s.bucket_id FROM "Department" d JOIN sub s ON d."parentId" = s.dept_id
    ),
    bucket(dept_id, bucket_id) AS (
      SELECT dept_id, bucket_id FROM sub
      UNION ALL
      SELECT id, id FROM "Department" WHERE id = ${departmentId}::uuid
    )`;
}

/**
 * Employees who owe or owed registration: not a hire who never started (入职中 → 离职, offer
 * withdrawn) nor one who left before the clock started, the same rule as the enrolment sweep
 * (find-enrolment-candidates.ts). Needs the alias `e` for "Employee".
 */
export const STARTED_EMPLOYEE = Prisma.sql`NOT (e.status = 'EXITED' AND (e."exitDate" < COALESCE(e."enrolmentClockFrom", e."startDate")
  OR EXISTS (SELECT 1 FROM "StatusChange" c WHERE c."employeeId" = e.id AND c."fromStatus" = 'ONBOARDING' AND c."toStatus" = 'EXITED')))`;
