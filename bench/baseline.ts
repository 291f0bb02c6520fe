// The same-run baseline of a daily job: one plain SQL query that reads the rows the job must read,
// on the same database right before the job, timed as the median of three runs (the first warms
// the cache, as the job's own first query would).
import pg from 'pg';
import { msSince } from './report.ts';

export async function timeBaseline(url: string, sql: string, params: unknown[] = []): Promise<{ ms: number; rows: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      rows = (await client.query(sql, params)).rowCount ?? 0;
      times.push(msSince(t));
    }
    return { ms: times.sort((a, b) => a - b)[1]!, rows };
  } finally {
    await client.end();
  }
}
