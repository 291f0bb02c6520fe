// The write floor of a job's first run, for context beside the read baseline: the rows
// the run inserted (counted per table, the app's and pg-boss's), copied aside untimed, then
// re-inserted with one plain INSERT … SELECT per table into empty copies of those tables with
// the same indexes and constraints (LIKE … INCLUDING ALL), all in one transaction, timed with its
// commit. It is what writing the same rows costs PostgreSQL alone, with no planning, rendering or
// round trips; rows the run only updated (e.g. exit tasks' remindedAt) are not in it.
import { withPgClient } from './pg-client.ts';
import { msSince } from './report.ts';

export type TableCounts = Map<string, number>;

export interface WriteFloor {
  ms: number;
  rows: number;
  tables: number;
}

/** Exact row counts of every plain table of the app and of pg-boss (partitions counted one by one). */
export function tableCounts(url: string): Promise<TableCounts> {
  return withPgClient(url, async (c) => {
    const tables = (await c.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND n.nspname IN ('public', 'pgboss') AND c.relname <> '_prisma_migrations' ORDER BY 1`)).rows;
    const counts: TableCounts = new Map();
    for (const { name } of tables) counts.set(name, Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`)).rows[0]!.n));
    return counts;
  });
}

/** Times the re-insert of what was inserted between the two counts (see the header). */
export function timeWriteFloor(url: string, before: TableCounts, after: TableCounts): Promise<WriteFloor> {
  const grown = [...after].map(([name, n]) => ({ name, rows: n - (before.get(name) ?? 0) })).filter((t) => t.rows > 0);
  return withPgClient(url, async (c) => {
    await c.query('DROP SCHEMA IF EXISTS bench_floor CASCADE; CREATE SCHEMA bench_floor');
    try {
      // The newest rows are the run's: heap order (ctid) is insertion order for rows never updated,
      // and an updated row's new version is newer still.
      for (const [i, t] of grown.entries()) {
        await c.query(`CREATE TABLE bench_floor.src${i} AS SELECT * FROM ${t.name} ORDER BY ctid DESC LIMIT ${t.rows}`);
        await c.query(`CREATE TABLE bench_floor.dst${i} (LIKE ${t.name} INCLUDING ALL)`);
      }
      const t0 = performance.now();
      await c.query('BEGIN');
      for (const i of grown.keys()) await c.query(`INSERT INTO bench_floor.dst${i} SELECT * FROM bench_floor.src${i}`);
      await c.query('COMMIT');
      return { ms: msSince(t0), rows: grown.reduce((s, t) => s + t.rows, 0), tables: grown.length };
    } finally {
      await c.query('DROP SCHEMA bench_floor CASCADE');
    }
  });
}
