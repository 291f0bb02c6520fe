// 员工社保投诉 per department bucket for the KPIs, in one query: the same definition as
// countComplaints (services/questions/count-complaints.ts) — complaints made in the month
// (Asia/Shanghai), in the department the employee was in when complaining — grouped like every
// other KPI count, so the department rows sum to the total.
import type { Db } from '../../db/client.ts';
import { departmentBuckets } from './department-buckets.ts';

export interface ComplaintBucketRow {
  bucket: string;
  complaints: number;
}

/** @example await countComplaintBuckets(db, { departmentId: null, month: '2026-12', timeZone: 'Asia/Shanghai' }) */
export async function countComplaintBuckets(db: Db, o: { departmentId: string | null; month: string; timeZone: string }): Promise<ComplaintBucketRow[]> {
  const rows = await db.$queryRaw<{ bucket: string; n: number }[]>`
    WITH RECURSIVE ${departmentBuckets(o.departmentId)}
    SELECT b.bucket_id::text AS bucket, count(*)::int AS n
    FROM "EmployeeQuestion" q
    JOIN bucket b ON b.dept_id = q."departmentId"
    WHERE q.kind = 'COMPLAINT' AND to_char(q."createdAt" AT TIME ZONE ${o.timeZone}, 'YYYY-MM') = ${o.month}
    GROUP BY 1`;
  return rows.map((r) => ({ bucket: r.bucket, complaints: r.n }));
}
