// One row per employee with the day the enrolment clock started and the day they were first
// enrolled, for the cohort KPIs. Enrolled = the earliest enrolment row or the roster's 社保增员日期,
// whichever is earlier; for a restarted clock (a lapsed exception, whose work-injury enrolment the
// exception itself required) only an enrolment of another insurance type counts, as in the sweep.
// Approved exceptions that owe nothing here (student intern, dispatched worker) are left out.
import { Prisma } from '../../generated/prisma/client.ts';
import { LAWFUL_CATEGORIES, lawfulCategories } from '../../domain/exceptions/lawful-categories.ts';
import { STARTED_EMPLOYEE } from './department-buckets.ts';

const OWES_NOTHING_HERE: string[] = LAWFUL_CATEGORIES.filter((c) => lawfulCategories[c].owed.length === 0);

/** The CTE `first_enrolment(id, dept_id, clock_start, enrolled_on, city, wage_fen)`, to follow other CTEs. */
export const FIRST_ENROLMENT = Prisma.sql`
  first_enrolment AS (
    SELECT e.id, e."departmentId" AS dept_id, COALESCE(e."enrolmentClockFrom", e."startDate") AS clock_start,
      CASE WHEN e."enrolmentClockFrom" IS NULL THEN LEAST(e."enrolledOn", n.any_on) ELSE n.not_injury_on END AS enrolled_on,
      e."insuredCity" AS city, e."monthlyWageFen" AS wage_fen
    FROM "Employee" e
    LEFT JOIN (
      SELECT "employeeId", min("enrolledOn") AS any_on, min("enrolledOn") FILTER (WHERE "insuranceType" <> 'INJURY') AS not_injury_on
      FROM "Enrolment" GROUP BY 1
    ) n ON n."employeeId" = e.id
    WHERE ${STARTED_EMPLOYEE}
      AND NOT EXISTS (SELECT 1 FROM "InsuranceException" x WHERE x."employeeId" = e.id AND x.status = 'APPROVED'
        AND x."reasonCategory" = ANY(${OWES_NOTHING_HERE}))
  )`;
