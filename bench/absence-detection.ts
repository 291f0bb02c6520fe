// `npm run bench`, absence detection: the `absence-detection` job (runJob, as `sentinel job run`
// does) over 10k and 100k active employees (BENCH_SIZES, BENCH_MAX) with 30 days of clock-ins, on embedded PostgreSQL through
// the real pg-boss outbox. Per size: a fresh migrated database, a set-based seed (bench/absence-seed.ts),
// then the job as of one fixed day — the first run opens the cases and queues the manager
// cards, three more find nothing new (the steady state: their median). Each run is set against its plain-SQL baseline (the
// lookback window's clock-ins grouped by employee) and the scaling ratios; merged into
// bench/results.json under `absenceDetection`.
import { fileURLToPath } from 'node:url';
import { ABSENCE_CHECK_CARD } from '../cards/absence-check-card.ts';
import { addDays } from '../src/domain/dates.ts';
import { absenceDetection } from '../src/jobs/definitions/absence-detection.ts';
import { runJob } from '../src/jobs/run-job.ts';
import { createLogger } from '../src/log.ts';
import { migrationsDir } from '../src/runtime.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { startScratchPostgres } from '../test/helpers/scratch-postgres.ts';
import { printSqlProfile, resetSqlProfile } from './sql-profile.ts';
import { ABSENT_PER_CENT, ATTENDANCE_DAYS, LEAVE_PER_CENT, seedAttendance, type SeededAttendance } from './absence-seed.ts';
import { openBenchDeps } from './bench-deps.ts';
import { timeBaseline, timeSteadyState } from './baseline.ts';
import { msSince as ms, round2, startWatchdog } from './report.ts';
import { benchSizes } from './sizes.ts';
import { sweepRows } from './sweep-rows.ts';
import { writeSection } from './table.ts';
import { createSweepDatabase } from './sweep-seed.ts';
import { benchPostgresFlags } from './postgres-flags.ts';

const SIZES = benchSizes([10_000, 100_000]);
/** What the job must read: every clock-in of the lookback window (30 days), per employee. */
const BASELINE_SQL = `SELECT "employeeId", count(*) AS days, max(day) AS last FROM "AttendanceRecord" WHERE day BETWEEN $1::date AND $2::date GROUP BY "employeeId"`;
/** Run first and not reported, so the first size does not pay the process's cold start. */
const WARM_UP_SIZE = 200;
/** A Friday; the 30 days before it hold no statutory holiday or 调休 day. */
const AS_OF = '2026-11-20';
const WATCHDOG_MS = 20 * 60_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const stopWatchdog = startWatchdog('absence detection', WATCHDOG_MS);
const log = createLogger('silent');

interface SizeResult extends SeededAttendance {
  employees: number;
  seedMs: number;
  baselineMs: number;
  firstRunMs: number;
  firstRunUsPerEmployee: number;
  casesOpened: number;
  cardsQueued: number;
  secondRunMs: number;
  secondRunCases: number;
  secondRunCards: number;
  firstRunSummary: string;
}

async function counts(deps: ServiceDeps) {
  const [cases, cards] = await Promise.all([deps.db.absenceCase.count(), deps.db.cardInstance.count({ where: { type: ABSENCE_CHECK_CARD } })]);
  return { cases, cards };
}

async function benchSize(adminUrl: string, n: number): Promise<SizeResult> {
  const url = await createSweepDatabase(adminUrl, n, 'absence');
  let t = performance.now();
  const seeded = await seedAttendance(url, n, AS_OF);
  const seedMs = ms(t);
  const baseline = await timeBaseline(url, BASELINE_SQL, [addDays(AS_OF, -29), AS_OF]);
  const { deps, close } = await openBenchDeps(url, new Date(`${AS_OF}T12:00:00Z`));
  try {
    const run = async () => (await runJob(deps, absenceDetection, { asOf: AS_OF, trigger: 'cli', log })) ?? '';
    await resetSqlProfile(url);
    t = performance.now();
    const firstRunSummary = await run();
    const firstRunMs = ms(t);
    await printSqlProfile(url, `absence detection first run at ${n}`);
    const first = await counts(deps);
    const { ms: secondRunMs } = await timeSteadyState(run);
    const second = await counts(deps);
    if (first.cases !== seeded.absent) throw new Error(`expected ${seeded.absent} absence cases, the job opened ${first.cases}: ${firstRunSummary}`);
    return {
      employees: n, ...seeded, seedMs, baselineMs: baseline.ms, firstRunMs, firstRunUsPerEmployee: Math.round((firstRunMs * 1000) / n),
      casesOpened: first.cases, cardsQueued: first.cards, secondRunMs,
      secondRunCases: second.cases - first.cases, secondRunCards: second.cards - first.cards, firstRunSummary,
    };
  } finally {
    await close();
  }
}

function report(sizes: SizeResult[]): boolean {
  const nothingNew = sizes.every((r) => r.secondRunCases + r.secondRunCards === 0);
  const col = (s: string | number, w: number) => String(s).padStart(w);
  const lines = [
    `${'employees'.padEnd(10)} ${col('clock-ins', 10)} ${col('seed ms', 8)} ${col('base ms', 8)} ${col('run 1 ms', 9)} ${col('µs/empl.', 9)} ${col('cases', 6)} ${col('cards', 6)} ${col('run 2 ms', 9)} ${col('run 2 new', 9)}`,
    ...sizes.map((r) =>
      `${String(r.employees).padEnd(10)} ${col(r.attendanceRows, 10)} ${col(r.seedMs, 8)} ${col(r.baselineMs, 8)} ${col(r.firstRunMs, 9)} ${col(r.firstRunUsPerEmployee, 9)} ${col(r.casesOpened, 6)} ${col(r.cardsQueued, 6)} ${col(r.secondRunMs, 9)} ${col(r.secondRunCases + r.secondRunCards, 9)}`),
    `run 2 found nothing new: ${nothingNew ? 'yes' : 'NO'}`,
    `largest run 1: ${sizes.at(-1)?.firstRunSummary ?? ''}`,
  ];
  const roster = `${ABSENT_PER_CENT}% stop clocking in 8 days before asOf, ${LEAVE_PER_CENT}% stop 4 days before with approved leave; ${ATTENDANCE_DAYS} days of weekday clock-ins; one sandbox line manager per 50`;
  process.stdout.write(`\nabsence detection as of ${AS_OF} (${roster})\n${lines.join('\n')}\n`);
  const baselineName = 'window clock-ins GROUP BY employee';
  const rows = [
    ...sweepRows('absence detection, first run', sizes.map((r) => ({ employees: r.employees, jobMs: r.firstRunMs, baselineMs: r.baselineMs, note: `${r.casesOpened} cases, ${r.cardsQueued} cards` })), baselineName),
    ...sweepRows('absence detection, steady state', sizes.map((r) => ({ employees: r.employees, jobMs: r.secondRunMs, baselineMs: r.baselineMs, note: nothingNew ? 'nothing new' : 'DUPLICATES' })), baselineName),
  ];
  writeSection(`${here}results.json`, 'absenceDetection', {
    date: new Date().toISOString(),
    asOf: AS_OF,
    database: `embedded PostgreSQL 15 with default durability, one fresh migrated database per size (after an unreported warm-up run on ${WARM_UP_SIZE} employees); Prisma pool of 10; real pg-boss outbox (no workers)`,
    roster: `set-based seed; ${roster}`,
    baseline: BASELINE_SQL,
    nothingNewOnSecondRun: nothingNew,
    ratios: sizes.slice(1).map((r, i) => ({ employees: `${sizes[i]!.employees}→${r.employees}`, firstRun: round2(r.firstRunMs / sizes[i]!.firstRunMs), secondRun: round2(r.secondRunMs / sizes[i]!.secondRunMs) })),
    sizes,
  }, rows);
  return nothingNew;
}

const started = performance.now();
const pgCluster = await startScratchPostgres({ database: 'sentinel_absence_bench', migrationsDir, postgresFlags: benchPostgresFlags() });
try {
  process.stdout.write(`absence detection: warm-up on ${WARM_UP_SIZE} employees…\n`);
  await benchSize(pgCluster.adminUrl, WARM_UP_SIZE);
  const sizes: SizeResult[] = [];
  for (const n of SIZES) {
    process.stdout.write(`absence detection: seeding ${n} employees × ${ATTENDANCE_DAYS} days and running the job four times…\n`);
    sizes.push(await benchSize(pgCluster.adminUrl, n));
  }
  if (!report(sizes)) process.exitCode = 1;
} finally {
  await pgCluster.stop();
  stopWatchdog();
  process.stdout.write(`absence detection bench finished in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
