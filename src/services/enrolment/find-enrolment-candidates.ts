// Hires the sweep must look at, one bounded batch at a time, in one set-based query: still
// onboarding or active, no ENROLLED enrolment row and no 社保增员日期 from the roster (existing
// staff imported with enrolledOn raise no alerts), started within the look-back window.
import type { Db } from '../../db/client.ts';
import { parseDay } from '../../domain/dates.ts';

export interface EnrolmentCandidate {
  id: string;
  name: string;
  startDate: Date;
  insuredCity: string | null;
  department: string;
}

export async function findEnrolmentCandidates(db: Db, opts: { from: string; to: string; after: string | undefined; take: number }): Promise<EnrolmentCandidate[]> {
  const after = opts.after ?? '00000000-0000-0000-0000-000000000000';
  return db.$queryRaw<EnrolmentCandidate[]>`
    SELECT e.id::text AS id, e.name, e."startDate", e."insuredCity", d.name AS department
    FROM "Employee" e JOIN "Department" d ON d.id = e."departmentId"
    WHERE e.status IN ('ONBOARDING', 'ACTIVE')
      AND e."enrolledOn" IS NULL
      AND e."startDate" BETWEEN ${parseDay(opts.from)}::date AND ${parseDay(opts.to)}::date
      AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id AND n.status = 'ENROLLED')
      AND e.id > ${after}::uuid
    ORDER BY e.id
    LIMIT ${opts.take}`;
}
