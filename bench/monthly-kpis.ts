// `npm run bench`, monthly KPIs: computeMonthKpis (what the dashboard and the monthly report
// compute per month) for the whole company over 10k and 100k employees (BENCH_SIZES, BENCH_MAX),
// spread over 20 departments under one root, four times (read-only: run 1, then the median of runs 2–4). Baseline: every
// employee row with the fields the cohort and coverage counts read.
import pg from 'pg';
import { systemActor } from '../src/domain/actor.ts';
import { computeMonthKpis } from '../src/services/kpi/compute-month-kpis.ts';
import { countRows } from './contribution-seed.ts';
import { runSweepSection } from './sweep-section.ts';
import { RECENT_PER_MILLE, seedRoster } from './sweep-seed.ts';

const TODAY = '2026-12-07';
const MONTH = '2026-11';
const DEPARTMENTS = 20;
const actor = systemActor('bench:kpis');

/** Moves the roster into DEPARTMENTS sub-departments of the seeded one (employee i → i mod DEPARTMENTS). */
async function spreadDepartments(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Department" (id, name, "parentId") SELECT gen_random_uuid(), '研发' || d || '组', (SELECT id FROM "Department" LIMIT 1) FROM generate_series(1, ${DEPARTMENTS}) AS d`,
    );
    const r = await client.query(
      `UPDATE "Employee" e SET "departmentId" = d.id FROM (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM "Department" WHERE "parentId" IS NOT NULL) d
       WHERE e."employeeNo" LIKE 'B%' AND substr(e."employeeNo", 2)::int % ${DEPARTMENTS} = d.k`,
    );
    await client.query('ANALYZE');
    return r.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

await runSweepSection({
  job: 'monthly KPIs', key: 'monthlyKpis', asOf: TODAY, now: new Date(`${TODAY}T02:00:00Z`), readOnly: true,
  describe: `set-based seed: ${RECENT_PER_MILLE / 10}% recent hires unenrolled, the rest enrolled, spread over ${DEPARTMENTS} departments under one root; KPIs of ${MONTH} for the whole company`,
  async seed(url, n) {
    await seedRoster(url, n, TODAY);
    return { moved: await spreadDepartments(url) };
  },
  baselineName: 'SELECT all employees',
  baselineSql: `SELECT id, "departmentId", "startDate", "exitDate", "enrolledOn", "enrolmentClockFrom", status FROM "Employee"`,
  async run(deps) {
    const k = await computeMonthKpis(deps, { actor, month: MONTH, departmentId: null, today: TODAY });
    const c = k.total.counts;
    return `${MONTH}: ${k.departments.length} departments, active ${c.activeEmployees}, covered ${c.coveredEmployees}, deadline hires ${c.deadlineHires}`;
  },
  count: (deps) => countRows(deps.db, { auditEvents: `SELECT count(*) FROM "AuditEvent"` }),
});
