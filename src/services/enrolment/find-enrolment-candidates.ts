// Hires the sweep must look at, one bounded batch at a time, in one set-based query: still
// onboarding or active, no ENROLLED enrolment row and no 社保增员日期 from the roster (existing
// staff imported with enrolledOn raise no alerts), started within the look-back window.
// The clock runs from Employee.enrolmentClockFrom when set (a lapsed insurance exception restarts
// it on the lapse day), else from the start date. Such an employee may hold only the work-injury
// enrolment an approved exception required (人社部令第13号 第九条), so for them only an enrolment of
// another insurance type ends the reminders. An APPROVED exception itself does not: until the
// INJURY enrolment is recorded the employee stays a candidate, because work injury stays required.
import type { Db } from '../../db/client.ts';
import { parseDay } from '../../domain/dates.ts';

export interface EnrolmentCandidate {
  id: string;
  name: string;
  startDate: Date;
  /** COALESCE(enrolmentClockFrom, startDate): the day the 30-day clock runs from. */
  clockStart: Date;
  /** Set when the clock was restarted (part of the alert and card keys, so it gets fresh alerts). */
  clockFrom: Date | null;
  insuredCity: string | null;
  department: string;
}

export async function findEnrolmentCandidates(db: Db, opts: { from: string; to: string; after: string | undefined; take: number }): Promise<EnrolmentCandidate[]> {
  const after = opts.after ?? '00000000-0000-0000-0000-000000000000';
  return db.$queryRaw<EnrolmentCandidate[]>`
    SELECT e.id::text AS id, e.name, e."startDate", COALESCE(e."enrolmentClockFrom", e."startDate") AS "clockStart",
      e."enrolmentClockFrom" AS "clockFrom", e."insuredCity", d.name AS department
    FROM "Employee" e JOIN "Department" d ON d.id = e."departmentId"
    WHERE e.status IN ('ONBOARDING', 'ACTIVE')
      AND (e."enrolledOn" IS NULL OR e."enrolmentClockFrom" IS NOT NULL)
      AND COALESCE(e."enrolmentClockFrom", e."startDate") BETWEEN ${parseDay(opts.from)}::date AND ${parseDay(opts.to)}::date
      AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id AND n.status = 'ENROLLED'
        AND (e."enrolmentClockFrom" IS NULL OR n."insuranceType" <> 'INJURY'))
      AND e.id > ${after}::uuid
    ORDER BY e.id
    LIMIT ${opts.take}`;
}
