// The shape every daily-sweep bench section shares: one embedded PostgreSQL cluster, an unreported
// warm-up size, then per size a fresh migrated database seeded set-based, the same-run plain-SQL
// baseline (the rows the job must read), and the job run four times as of one day — the first run does
// the day's work, the other three must find nothing new (the steady state is their median, as the
// baseline is the median of three). Rows go to bench/results.json under `key`.
import { fileURLToPath } from 'node:url';
import { migrationsDir } from '../src/runtime.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { startScratchPostgres } from '../test/helpers/scratch-postgres.ts';
import { timeBaseline, timeSteadyState } from './baseline.ts';
import { openBenchDeps } from './bench-deps.ts';
import { msSince as ms, startWatchdog } from './report.ts';
import { benchSizes, sizeLabel } from './sizes.ts';
import { printSqlProfile, resetSqlProfile } from './sql-profile.ts';
import { createSweepDatabase } from './sweep-seed.ts';
import { sweepRows } from './sweep-rows.ts';
import { ms as fmtMs, writeSection, type BenchRow } from './table.ts';
import { tableCounts, timeWriteFloor, type WriteFloor } from './write-floor.ts';
import { benchPostgresFlags } from './postgres-flags.ts';

export interface SweepSection {
  /** Figure prefix in the table, e.g. 'transfer reminders'. */
  job: string;
  /** results.json key and database prefix. */
  key: string;
  asOf: string;
  /** The instant `deps.now()` returns during the runs. */
  now: Date;
  seed(url: string, n: number): Promise<Record<string, number>>;
  baselineName: string;
  baselineSql: string;
  baselineParams?: unknown[];
  /** One run of the job; returns its one-line summary. */
  run(deps: ServiceDeps): Promise<string>;
  /** What the run wrote, counted after each run (e.g. { alerts, cards }). */
  count(deps: ServiceDeps): Promise<Record<string, number>>;
  /** Read-only computations (the KPIs) have no "first run": both runs are reported as runs 1 and 2. */
  readOnly?: boolean;
  describe: string;
}

interface SizeResult {
  employees: number;
  seeded: Record<string, number>;
  seedMs: number;
  baselineMs: number;
  baselineRows: number;
  firstRunMs: number;
  firstRun: Record<string, number>;
  firstRunSummary: string;
  secondRunMs: number;
  secondRunNew: number;
  /** The first run's inserted rows written by plain SQL (not for read-only jobs). */
  writeFloor?: WriteFloor;
}

const WARM_UP_SIZE = 500;
const WATCHDOG_MS = 20 * 60_000;
const here = fileURLToPath(new URL('.', import.meta.url));

async function benchSize(s: SweepSection, adminUrl: string, n: number): Promise<SizeResult> {
  const url = await createSweepDatabase(adminUrl, n, s.key.toLowerCase());
  let t = performance.now();
  const seeded = await s.seed(url, n);
  const seedMs = ms(t);
  const baseline = await timeBaseline(url, s.baselineSql, s.baselineParams ?? []);
  const { deps, close } = await openBenchDeps(url, s.now);
  try {
    const before = await s.count(deps);
    const tablesBefore = s.readOnly ? undefined : await tableCounts(url);
    await resetSqlProfile(url);
    t = performance.now();
    const firstRunSummary = await s.run(deps);
    const firstRunMs = ms(t);
    await printSqlProfile(url, `${s.job} first run at ${n}`);
    const first = await s.count(deps);
    const tablesAfter = s.readOnly ? undefined : await tableCounts(url);
    await resetSqlProfile(url);
    const { ms: secondRunMs } = await timeSteadyState(() => s.run(deps));
    await printSqlProfile(url, `${s.job} steady-state runs at ${n}`);
    const second = await s.count(deps);
    const sum = (a: Record<string, number>, b: Record<string, number>) => Object.keys(a).reduce((x, k) => x + (a[k] ?? 0) - (b[k] ?? 0), 0);
    const firstRun = Object.fromEntries(Object.entries(first).map(([k, v]) => [k, v - (before[k] ?? 0)]));
    const writeFloor = tablesBefore && tablesAfter ? await timeWriteFloor(url, tablesBefore, tablesAfter) : undefined;
    return { employees: n, seeded, seedMs, baselineMs: baseline.ms, baselineRows: baseline.rows, firstRunMs, firstRun, firstRunSummary, secondRunMs, secondRunNew: sum(second, first), ...(writeFloor && { writeFloor }) };
  } finally {
    await close();
  }
}

function rowsOf(s: SweepSection, sizes: SizeResult[]): { rows: BenchRow[]; nothingNew: boolean } {
  const nothingNew = sizes.every((r) => r.secondRunNew === 0);
  const wrote = (r: SizeResult) => Object.entries(r.firstRun).map(([k, v]) => `${v} ${k}`).join(', ');
  const first = sizes.map((r) => ({ employees: r.employees, jobMs: r.firstRunMs, baselineMs: r.baselineMs, note: s.readOnly ? `${r.baselineRows} rows read by the baseline` : wrote(r) }));
  const second = sizes.map((r) => ({ employees: r.employees, jobMs: r.secondRunMs, baselineMs: r.baselineMs, note: nothingNew ? 'nothing new' : 'DUPLICATES' }));
  const [one, two] = s.readOnly ? ['run 1', 'run 2'] : ['first run', 'steady state'];
  const secondRows = s.readOnly ? second.map((x, i) => ({ ...x, note: first[i]!.note })) : second;
  return { rows: [...sweepRows(`${s.job}, ${one}`, first, s.baselineName), ...floorRows(s.job, sizes), ...sweepRows(`${s.job}, ${two}`, secondRows, s.baselineName)], nothingNew };
}

/** Context rows: each first run against its write floor (bench/write-floor.ts); no target. */
function floorRows(job: string, sizes: SizeResult[]): BenchRow[] {
  return sizes.flatMap((r) => (r.writeFloor ? [writeFloorRow(job, r.employees, r.firstRunMs, r.writeFloor)] : []));
}

export function writeFloorRow(job: string, employees: number, firstRunMs: number, f: WriteFloor): BenchRow {
  return {
    figure: `${job}, first run ${sizeLabel(employees)} vs its write floor`,
    value: fmtMs(firstRunMs),
    baseline: `${fmtMs(f.ms)} the same ${f.rows} inserted rows (${f.tables} tables) by plain INSERT … SELECT`,
    ratio: Math.round((firstRunMs / Math.max(0.1, f.ms)) * 100) / 100,
    target: 'context',
    met: null,
  };
}

export async function runSweepSection(s: SweepSection): Promise<void> {
  const stopWatchdog = startWatchdog(s.job, WATCHDOG_MS);
  const started = performance.now();
  const cluster = await startScratchPostgres({ database: `sentinel_${s.key.toLowerCase()}_bench`, migrationsDir, postgresFlags: benchPostgresFlags() });
  try {
    process.stdout.write(`${s.job}: warm-up on ${WARM_UP_SIZE} employees…\n`);
    await benchSize(s, cluster.adminUrl, WARM_UP_SIZE);
    const sizes: SizeResult[] = [];
    for (const n of benchSizes([10_000, 100_000])) {
      process.stdout.write(`${s.job}: seeding ${n} employees and running four times…\n`);
      sizes.push(await benchSize(s, cluster.adminUrl, n));
      const r = sizes.at(-1)!;
      process.stdout.write(`  seed ${r.seedMs} ms ${JSON.stringify(r.seeded)}; baseline ${r.baselineMs} ms (${r.baselineRows} rows); run 1 ${r.firstRunMs} ms ${JSON.stringify(r.firstRun)}; run 2 ${r.secondRunMs} ms (${r.secondRunNew} new)\n  run 1: ${r.firstRunSummary}\n`);
    }
    const { rows, nothingNew } = rowsOf(s, sizes);
    writeSection(`${here}results.json`, s.key, {
      date: new Date().toISOString(), asOf: s.asOf, roster: s.describe, baseline: s.baselineSql, nothingNewOnSecondRun: nothingNew,
      database: `embedded PostgreSQL 15 with default durability, one fresh migrated database per size (after an unreported warm-up of ${WARM_UP_SIZE}); Prisma pool of 10; real pg-boss outbox (no workers)`,
      sizes,
    }, rows);
    if (!nothingNew) process.exitCode = 1;
  } finally {
    await cluster.stop();
    stopWatchdog();
    process.stdout.write(`${s.job} bench finished in ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
}
