// Opt-in statement profile of a sweep's first run (BENCH_SQL_PROFILE=1): the cluster preloads
// pg_stat_statements, the counters are reset right before the first run and the statements that
// took most of it are printed after. The table's figures are unchanged; use it to see where a
// job spends its time in PostgreSQL rather than guessing.
import { withPgClient } from './pg-client.ts';

export const sqlProfileOn = Boolean(process.env.BENCH_SQL_PROFILE);

/** Extra postgres flags when profiling. */
export const sqlProfileFlags = (): string[] => (sqlProfileOn ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all'] : []);

export async function resetSqlProfile(url: string): Promise<void> {
  if (!sqlProfileOn) return;
  await withPgClient(url, async (c) => {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
  });
}

/** The statements that took the most total time since the reset, one line each. */
export async function printSqlProfile(url: string, label: string, top = 15): Promise<void> {
  if (!sqlProfileOn) return;
  const rows = await withPgClient(url, async (c) => (await c.query<{ calls: string; total: number; rows: string; query: string }>(
    `SELECT calls, round(total_exec_time::numeric, 1)::float AS total, rows, regexp_replace(query, '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT $1`, [top])).rows);
  const sum = rows.reduce((s, r) => s + r.total, 0);
  process.stdout.write(`  SQL profile of ${label} (top ${top}, ${Math.round(sum)} ms):\n`);
  for (const r of rows) process.stdout.write(`    ${String(r.total).padStart(9)} ms ${String(r.calls).padStart(6)}× ${String(r.rows).padStart(7)} rows  ${r.query.slice(0, 160)}\n`);
}
