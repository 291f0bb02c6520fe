// `npm run bench`, enrolment: the daily enrolment deadline sweep over 10k and 100k employees (BENCH_SIZES, BENCH_MAX)
// on embedded PostgreSQL (default durability), through the real pg-boss outbox. Per size: a fresh
// migrated database, a set-based seed, then the sweep as of one fixed day — the first run
// creates the alerts and queues their cards, three more find nothing new (the steady state: their median). Reports both times,
// the alerts created, each run against its plain-SQL baseline (every employee row the candidate
// query must look at) and the scaling ratios, and merges them into bench/results.json under
// `enrolmentSweep`.
import { fileURLToPath } from 'node:url';
import { sendEnrolmentAlerts, type SendEnrolmentAlertsResult } from '../src/services/enrolment/send-enrolment-alerts.ts';
import { startScratchPostgres } from '../test/helpers/scratch-postgres.ts';
import { migrationsDir } from '../src/runtime.ts';
import { openBenchDeps } from './bench-deps.ts';
import { timeBaseline, timeSteadyState } from './baseline.ts';
import { msSince as ms, round2, startWatchdog } from './report.ts';
import { benchSizes } from './sizes.ts';
import { sweepRows } from './sweep-rows.ts';
import { writeSection } from './table.ts';
import { createSweepDatabase, RECENT_PER_MILLE, seedRoster } from './sweep-seed.ts';
import { benchPostgresFlags } from './postgres-flags.ts';

const SIZES = benchSizes([10_000, 100_000]);
/** What the candidate query must read: every employee (any of them may be owed an enrolment). */
const BASELINE_SQL = `SELECT id, "startDate", "enrolledOn", "enrolmentClockFrom", status, "exitDate" FROM "Employee"`;
/** Swept first and not reported, so the 10k run does not pay the process's cold start (JIT, Prisma's first queries). */
const WARM_UP_SIZE = 1_000;
const AS_OF = '2026-12-14';
const WATCHDOG_MS = 20 * 60_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const stopWatchdog = startWatchdog('enrolment sweep', WATCHDOG_MS);

interface SizeResult {
  employees: number;
  recentHires: number;
  seedMs: number;
  baselineMs: number;
  firstRunMs: number;
  secondRunMs: number;
  /** First run, microseconds per employee on the roster. */
  firstRunUsPerEmployee: number;
  candidates: number;
  alertsCreated: number;
  alerts: SendEnrolmentAlertsResult['alerts'];
  cardsQueued: number;
  secondRunAlerts: number;
  secondRunCards: number;
}

async function benchSize(adminUrl: string, n: number): Promise<SizeResult> {
  const url = await createSweepDatabase(adminUrl, n);
  let t = performance.now();
  const { recentHires } = await seedRoster(url, n, AS_OF);
  const seedMs = ms(t);
  const baseline = await timeBaseline(url, BASELINE_SQL);
  const { deps, close } = await openBenchDeps(url, new Date(`${AS_OF}T01:00:00Z`));
  try {
    const sweep = () => sendEnrolmentAlerts(deps, { asOf: AS_OF, platforms: deps.chatPlatforms, publicBaseUrl: deps.publicBaseUrl });
    t = performance.now();
    const first = await sweep();
    const firstRunMs = ms(t);
    const { ms: secondRunMs, results: steady } = await timeSteadyState(sweep);
    const total = (r: SendEnrolmentAlertsResult) => r.alerts.warn + r.alerts.escalate + r.alerts.overdue;
    return {
      employees: n, recentHires, seedMs, baselineMs: baseline.ms, firstRunMs, secondRunMs,
      firstRunUsPerEmployee: Math.round((firstRunMs * 1000) / n * 100) / 100,
      candidates: first.candidates, alertsCreated: total(first), alerts: first.alerts, cardsQueued: first.cards,
      secondRunAlerts: steady.reduce((x, r) => x + total(r), 0), secondRunCards: steady.reduce((x, r) => x + r.cards, 0),
    };
  } finally {
    await close();
  }
}

function report(sizes: SizeResult[]): boolean {
  const col = (s: string | number, w: number) => String(s).padStart(w);
  const lines = [
    `${'employees'.padEnd(10)} ${col('seed ms', 9)} ${col('base ms', 8)} ${col('run 1 ms', 9)} ${col('µs/empl.', 9)} ${col('candid.', 8)} ${col('alerts', 7)} ${col('cards', 6)} ${col('run 2 ms', 9)} ${col('run 2 new', 9)}`,
    ...sizes.map((r) =>
      `${String(r.employees).padEnd(10)} ${col(r.seedMs, 9)} ${col(r.baselineMs, 8)} ${col(r.firstRunMs, 9)} ${col(r.firstRunUsPerEmployee, 9)} ${col(r.candidates, 8)} ${col(r.alertsCreated, 7)} ${col(r.cardsQueued, 6)} ${col(r.secondRunMs, 9)} ${col(r.secondRunAlerts + r.secondRunCards, 9)}`),
  ];
  const nothingNew = sizes.every((r) => r.secondRunAlerts + r.secondRunCards === 0);
  process.stdout.write(`\nenrolment deadline sweep as of ${AS_OF} (${RECENT_PER_MILLE / 10}% recent hires on day 20–35, unenrolled; the rest enrolled)\n${lines.join('\n')}\nrun 2 found nothing new: ${nothingNew ? 'yes' : 'NO'}\n`);
  const rows = [
    ...sweepRows('enrolment sweep, first run', sizes.map((r) => ({ employees: r.employees, jobMs: r.firstRunMs, baselineMs: r.baselineMs, note: `${r.alertsCreated} alerts, ${r.cardsQueued} cards` })), 'SELECT all employees'),
    ...sweepRows('enrolment sweep, steady state', sizes.map((r) => ({ employees: r.employees, jobMs: r.secondRunMs, baselineMs: r.baselineMs, note: nothingNew ? 'nothing new' : 'DUPLICATES' })), 'SELECT all employees'),
  ];
  writeSection(`${here}results.json`, 'enrolmentSweep', {
    date: new Date().toISOString(),
    asOf: AS_OF,
    database: `embedded PostgreSQL 15 with default durability, one fresh migrated database per size (after an unreported warm-up sweep of ${WARM_UP_SIZE}); Prisma pool of 10; real pg-boss outbox (no workers)`,
    roster: `set-based seed; ${RECENT_PER_MILLE / 10}% ONBOARDING hires started 20–35 days before asOf with no enrolment, the rest enrolled; one HR specialist on sandbox`,
    baseline: BASELINE_SQL,
    nothingNewOnSecondRun: nothingNew,
    ratios: sizes.slice(1).map((r, i) => ({ employees: `${sizes[i]!.employees}→${r.employees}`, firstRun: round2(r.firstRunMs / sizes[i]!.firstRunMs), secondRun: round2(r.secondRunMs / sizes[i]!.secondRunMs) })),
    sizes,
  }, rows);
  return nothingNew;
}

const started = performance.now();
const pgCluster = await startScratchPostgres({ database: 'sentinel_sweep_bench', migrationsDir, postgresFlags: benchPostgresFlags() });
try {
  process.stdout.write(`enrolment sweep: warm-up on ${WARM_UP_SIZE} employees…\n`);
  await benchSize(pgCluster.adminUrl, WARM_UP_SIZE);
  const sizes: SizeResult[] = [];
  for (const n of SIZES) {
    process.stdout.write(`enrolment sweep: seeding ${n} employees and sweeping four times…\n`);
    sizes.push(await benchSize(pgCluster.adminUrl, n));
  }
  if (!report(sizes)) process.exitCode = 1;
} finally {
  await pgCluster.stop();
  stopWatchdog();
  process.stdout.write(`enrolment sweep bench finished in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
