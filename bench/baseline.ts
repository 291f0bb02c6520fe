// The same-run baseline of a daily job: one plain SQL query that reads the rows the job must read,
// on the same database right before the job, timed as the median of three runs (the first warms
// the cache, as the job's own first query would).
import { withPgClient } from './pg-client.ts';
import { msSince } from './report.ts';

export function timeBaseline(url: string, sql: string, params: unknown[] = []): Promise<{ ms: number; rows: number }> {
  return withPgClient(url, async (client) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      rows = (await client.query(sql, params)).rowCount ?? 0;
      times.push(msSince(t));
    }
    return { ms: times.sort((a, b) => a - b)[1]!, rows };
  });
}

/**
 * A job's steady state, timed the way the baseline is: the median of three runs after the first
 * (each must find nothing new; the callers count what all three wrote). One run alone caught a
 * garbage collection of the first run's work or a cold code path about one time in three.
 */
export async function timeSteadyState<T>(run: () => Promise<T>): Promise<{ ms: number; results: T[] }> {
  const times: number[] = [];
  const results: T[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    results.push(await run());
    times.push(msSince(t));
  }
  return { ms: times.sort((a, b) => a - b)[1]!, results };
}
