// Hires the sweep must look at, in bounded pages: every hire
// whose clock has started and who has no ENROLLED enrolment row and no 社保增员日期 from the roster
// (existing staff imported with enrolledOn raise no alerts), whatever their status since: 待离职,
// 停薪留职, 自离 and 离职 too, because registration and the contributions of every month worked stay
// owed (社会保险法 第五十八条) until enrolled. No look-back cut-off: an old omission is still one.
// Only a hire who never started (入职中 → 离职: offer withdrawn) owes nothing.
// The clock runs from Employee.enrolmentClockFrom when set (a lapsed insurance exception restarts
// it on the lapse day), else from the start date. Such an employee may hold only the work-injury
// enrolment an approved exception required (人社部令第13号 第九条), so for them only an enrolment of
// another insurance type ends the reminders. An APPROVED exception itself does not: until the
// INJURY enrolment is recorded the employee stays a candidate, because work injury stays required.
// An approved exception that owes nothing here (student intern: no labour relationship; dispatched
// worker: the agency enrols) ends the reminders.
// The candidates' ids come first, in one scan of the roster; each page then loads its rows by id
// with the same conditions. Keyset pages filtered on these conditions (id > last … LIMIT) made
// PostgreSQL scan the whole roster once per page, as no index follows them: time grew with the
// square of the roster (enrolment sweep's steady state 81 ms at 100k, 512 ms at 300k).
import { Prisma } from '../../generated/prisma/client.ts';
import type { Db, Tx } from '../../db/client.ts';
import { parseDay } from '../../domain/dates.ts';
import type { EnrolmentCandidate } from '../../domain/enrolment/enrolment-alert.ts';
import { LAWFUL_CATEGORIES, lawfulCategories } from '../../domain/exceptions/lawful-categories.ts';

/** Approved lawful exceptions that leave nothing to enrol here (student intern, dispatched worker). */
const OWES_NOTHING_HERE: string[] = LAWFUL_CATEGORIES.filter((c) => lawfulCategories[c].owed.length === 0);

const PAGE = 500;

/** Owes an enrolment reminder as at `asOf` (the conditions above), on `e`. */
const owesEnrolment = (asOf: string) => Prisma.sql`(e."enrolledOn" IS NULL OR e."enrolmentClockFrom" IS NOT NULL)
  AND COALESCE(e."enrolmentClockFrom", e."startDate") <= ${parseDay(asOf)}::date
  AND NOT (e.status = 'EXITED' AND (e."exitDate" < COALESCE(e."enrolmentClockFrom", e."startDate")
    OR EXISTS (SELECT 1 FROM "StatusChange" c WHERE c."employeeId" = e.id AND c."fromStatus" = 'ONBOARDING' AND c."toStatus" = 'EXITED')))
  AND NOT EXISTS (SELECT 1 FROM "Enrolment" n WHERE n."employeeId" = e.id AND n.status = 'ENROLLED'
    AND (e."enrolmentClockFrom" IS NULL OR n."insuranceType" <> 'INJURY'))
  AND NOT EXISTS (SELECT 1 FROM "InsuranceException" x WHERE x."employeeId" = e.id AND x.status = 'APPROVED'
    AND x."reasonCategory" = ANY(${OWES_NOTHING_HERE}))`;

/**
 * The candidates in pages of `take`, in id order.
 * @example for await (const hires of enrolmentCandidatePages(db, { asOf: '2026-12-14' })) …
 */
export async function* enrolmentCandidatePages(db: Db | Tx, opts: { asOf: string; take?: number }): AsyncGenerator<EnrolmentCandidate[]> {
  const take = opts.take ?? PAGE;
  const ids = await db.$queryRaw<{ id: string }[]>`SELECT e.id::text AS id FROM "Employee" e WHERE ${owesEnrolment(opts.asOf)} ORDER BY e.id`;
  for (let i = 0; i < ids.length; i += take) {
    // Checked again: a hire enrolled since the id scan is no longer a candidate.
    const page = await db.$queryRaw<EnrolmentCandidate[]>`
      SELECT e.id::text AS id, e."employeeNo", e.name, e."startDate", COALESCE(e."enrolmentClockFrom", e."startDate") AS "clockStart",
        e."enrolmentClockFrom" AS "clockFrom", e."insuredCity", d.name AS department, e.status::text AS status, e."managerId"::text AS "managerId"
      FROM "Employee" e JOIN "Department" d ON d.id = e."departmentId"
      WHERE e.id = ANY(${ids.slice(i, i + take).map((r) => r.id)}::uuid[]) AND ${owesEnrolment(opts.asOf)}
      ORDER BY e.id`;
    if (page.length > 0) yield page;
  }
}
