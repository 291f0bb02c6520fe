// The work still open at a snapshot (the end of a day, Asia/Shanghai), per department bucket, in
// one query of labelled counts: enrolment alerts by stage (each hire counted once, at their latest
// open stage), insurance exceptions by state and re-verifications due, absence cases and exit
// processes open, exit checklist tasks overdue, and the month's reconciliation tasks by category.
import type { Db } from '../../db/client.ts';
import { addDays, parseDay, startOfDayIn } from '../../domain/dates.ts';
import { departmentBuckets } from './department-buckets.ts';

export interface OpenWorkRow {
  /** 'alert' | 'exception' | 'reverify' | 'absence' | 'exit' | 'exitTaskOverdue' | 'reconTotal' | 'reconOpen' */
  metric: string;
  /** The stage, state or category; '' when the metric has none. */
  key: string;
  bucket: string;
  n: number;
}

/** @example await countOpenWork(db, { departmentId: null, snapshotDay: '2026-11-30', month: '2026-11', timeZone: 'Asia/Shanghai' }) */
export async function countOpenWork(db: Db, o: { departmentId: string | null; snapshotDay: string; month: string; timeZone: string }): Promise<OpenWorkRow[]> {
  const day = parseDay(o.snapshotDay);
  const end = startOfDayIn(o.timeZone, addDays(o.snapshotDay, 1));
  return db.$queryRaw<OpenWorkRow[]>`
    WITH RECURSIVE ${departmentBuckets(o.departmentId)},
    staff AS (SELECT e.id, b.bucket_id FROM "Employee" e JOIN bucket b ON b.dept_id = e."departmentId"),
    latest_alert AS (
      SELECT DISTINCT ON (a."employeeId") a."employeeId", a.stage FROM "Alert" a
      WHERE a.kind = 'enrolment' AND a."createdAt" < ${end} AND (a."resolvedAt" IS NULL OR a."resolvedAt" >= ${end})
      ORDER BY a."employeeId", a."dueOn" DESC, a."createdAt" DESC
    )
    SELECT 'alert' AS metric, CASE WHEN l.stage LIKE 'overdue%' THEN 'overdue' ELSE l.stage END AS key, s.bucket_id::text AS bucket, count(*)::int AS n
      FROM latest_alert l JOIN staff s ON s.id = l."employeeId" GROUP BY 2, 3
    UNION ALL
    SELECT 'exception', x.status::text, s.bucket_id::text, count(*)::int
      FROM "InsuranceException" x JOIN staff s ON s.id = x."employeeId" WHERE x."createdAt" < ${end} GROUP BY 2, 3
    UNION ALL
    SELECT 'reverify', '', s.bucket_id::text, count(*)::int
      FROM "InsuranceException" x JOIN staff s ON s.id = x."employeeId" WHERE x.status = 'APPROVED' AND x."reverifyOn" <= ${day}::date GROUP BY 3
    UNION ALL
    SELECT 'absence', '', s.bucket_id::text, count(*)::int
      FROM "AbsenceCase" c JOIN staff s ON s.id = c."employeeId"
      WHERE c."createdAt" < ${end} AND (c.state = 'OPEN' OR c."decidedAt" >= ${end}) GROUP BY 3
    UNION ALL
    SELECT 'exit', '', s.bucket_id::text, count(*)::int
      FROM "ExitProcess" p JOIN staff s ON s.id = p."employeeId"
      WHERE p."createdAt" < ${end} AND (p."closedAt" >= ${end} OR (p."closedAt" IS NULL AND p.state NOT IN ('CLOSED', 'WITHDRAWN', 'RETURNED'))) GROUP BY 3
    UNION ALL
    SELECT 'exitTaskOverdue', '', s.bucket_id::text, count(*)::int
      FROM "ExitTask" t JOIN staff s ON s.id = t."employeeId"
      WHERE t."dueOn" < ${day}::date AND t."createdAt" < ${end} AND (t.state = 'OPEN' OR t."doneAt" >= ${end}) GROUP BY 3
    UNION ALL
    SELECT 'reconTotal', r.kind, s.bucket_id::text, count(*)::int
      FROM "ReconciliationTask" r JOIN staff s ON s.id = r."employeeId" WHERE r.month = ${o.month} GROUP BY 2, 3
    UNION ALL
    SELECT 'reconOpen', r.kind, s.bucket_id::text, count(*)::int
      FROM "ReconciliationTask" r JOIN staff s ON s.id = r."employeeId"
      WHERE r.month = ${o.month} AND r."createdAt" < ${end} AND (r.state = 'OPEN' OR r."closedAt" >= ${end}) GROUP BY 2, 3`;
}
