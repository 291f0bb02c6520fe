// Coverage (员工社保缴纳率) per snapshot day and department bucket, in one query: employed on the
// day (started on or before it, exit date not before it) and insured on it — an enrolment row in
// force, or, for someone with no enrolment rows, the roster's 社保增员日期 — or holding an approved
// lawful exception (人社部令第13号; a waiver request is void: 社会保险法 第五十八条). An exception
// counts while APPROVED, or until its lapse day; the approval day is not stored, so an exception
// approved later also covers earlier snapshots (a known limit, written in docs/dashboard.md).
import type { Db } from '../../db/client.ts';
import { parseDay } from '../../domain/dates.ts';
import { departmentBuckets, STARTED_EMPLOYEE } from './department-buckets.ts';

export interface CoverageRow {
  bucket: string;
  day: string;
  activeEmployees: number;
  coveredEmployees: number;
}

/** @example await countCoverage(db, { departmentId: null, days: ['2026-11-30', '2026-12-07'] }) */
export async function countCoverage(db: Db, o: { departmentId: string | null; days: string[] }): Promise<CoverageRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; day: string; active: number; covered: number }[]>`
    WITH RECURSIVE ${departmentBuckets(o.departmentId)}
    SELECT b.bucket_id::text AS bucket, to_char(s.day, 'YYYY-MM-DD') AS day, count(*)::int AS active,
      count(*) FILTER (WHERE
        EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id AND n."enrolledOn" <= s.day AND (n."stoppedOn" IS NULL OR n."stoppedOn" > s.day))
        OR (e."enrolledOn" <= s.day AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id))
        OR EXISTS (SELECT 1 FROM "InsuranceException" x WHERE x."employeeId" = e.id AND x.kind <> 'WAIVER_REQUEST'
          AND x."createdAt"::date <= s.day AND (x.status = 'APPROVED' OR (x.status = 'LAPSED' AND x."lapsedOn" > s.day)))
      )::int AS covered
    FROM "Employee" e
    JOIN bucket b ON b.dept_id = e."departmentId"
    CROSS JOIN unnest(${o.days.map(parseDay)}::date[]) AS s(day)
    WHERE e."startDate" <= s.day AND (e."exitDate" IS NULL OR e."exitDate" >= s.day) AND ${STARTED_EMPLOYEE}
    GROUP BY 1, 2`;
  return rows.map((r) => ({ bucket: r.bucket, day: r.day, activeEmployees: r.active, coveredEmployees: r.covered }));
}
