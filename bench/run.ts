// `npm run bench`: the one entry. Runs each bench section in its own process (so a 1M-row
// section's memory and JIT state do not leak into the next), their detailed output on stderr,
// then prints ONE table from the rows the sections wrote into bench/results.json.
//   BENCH_SIZES=2000,20000 npm run bench   quick run with small rosters and ledgers
//   BENCH_MAX=1000000 npm run bench        adds the 1M size (opt-in: too slow for 30 min here)
//   BENCH_ONLY=h5,evidence npm run bench   only these sections
//   BENCH_PG_SETTINGS=shared_buffers=2GB,work_mem=64MB npm run bench   PostgreSQL settings of every cluster
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchPostgresSettings } from './postgres-flags.ts';
import { formatTable, readRows } from './table.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const RESULTS = `${here}results.json`;

/** In the order of the issue's priorities; each file writes its rows under its own key. */
const SECTIONS = [
  { name: 'h5', file: 'h5.ts' },
  { name: 'enrolment', file: 'enrolment-sweep.ts' },
  { name: 'absence', file: 'absence-detection.ts' },
  { name: 'reconciliation', file: 'reconciliation.ts' },
  { name: 'exits', file: 'exit-reminders.ts' },
  { name: 'transfers', file: 'transfer-reminders.ts' },
  { name: 'kpis', file: 'monthly-kpis.ts' },
  { name: 'outbox', file: 'outbox-throughput.ts' },
  { name: 'evidence', file: 'evidence-ledger.ts' },
  { name: 'ingest', file: 'ingest.ts' },
] as const;

const postgresSettings = benchPostgresSettings().join(', ') || 'PostgreSQL defaults';
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const chosen = SECTIONS.filter((s) => only.length === 0 || only.includes(s.name));
const started = performance.now();
rmSync(RESULTS, { force: true });
const failed: string[] = [];
for (const section of chosen) {
  process.stderr.write(`\n=== bench: ${section.name} (${Math.round((performance.now() - started) / 1000)} s so far)\n`);
  const child = spawn(process.execPath, [`${here}${section.file}`], { stdio: ['ignore', process.stderr, process.stderr] });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) failed.push(`${section.name} (exit ${code})`);
}
const seconds = Math.round((performance.now() - started) / 1000);
const rows = readRows(RESULTS);
const context = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  sizes: process.env.BENCH_SIZES ?? 'defaults', max: process.env.BENCH_MAX ?? 'none', postgresSettings,
  seconds,
  failedSections: failed,
};
const all = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
writeFileSync(RESULTS, `${JSON.stringify({ run: context, table: rows, ...all }, null, 2)}\n`);
const met = rows.filter((r) => r.met === true).length;
const notMet = rows.filter((r) => r.met === false).length;
process.stdout.write(`\n${formatTable(rows)}\n\n${met} met, ${notMet} NOT met; ${chosen.length} sections in ${seconds} s on ${context.cpus} (load average ${context.loadAverageAtEnd.join(' ')}), ${postgresSettings}${failed.length ? `; failed: ${failed.join(', ')}` : ''}\nbench/results.json written\n`);
if (failed.length) process.exitCode = 1;
