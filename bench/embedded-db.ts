// A throwaway embedded PostgreSQL for the benchmark, migrated like production. Default
// durability settings (fsync and synchronous_commit on): the dedupe insert is measured as
// it would commit in production, not as the test suite's fsync=off cluster would.
import pg from 'pg';
import { migrationsDir } from '../src/runtime.ts';
import { startScratchPostgres, type ScratchPostgres } from '../test/helpers/scratch-postgres.ts';
import { benchPostgresFlags } from './postgres-flags.ts';

export function startBenchDb(): Promise<ScratchPostgres> {
  return startScratchPostgres({ database: 'sentinel_bench', migrationsDir, postgresFlags: benchPostgresFlags() });
}

export async function deliveryCounts(url: string): Promise<{ total: number; handled: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ total: string; handled: string }>('SELECT count(*) AS total, count("handledAt") AS handled FROM "InboundDelivery"');
    return { total: Number(rows[0]?.total ?? 0), handled: Number(rows[0]?.handled ?? 0) };
  } finally {
    await client.end();
  }
}

/** Waits (≤ 10 s) until `expected` deliveries have been handled out of band. */
export async function waitUntilHandled(url: string, expected: number): Promise<void> {
  const until = Date.now() + 10_000;
  for (let c = await deliveryCounts(url); c.handled < expected && Date.now() < until; c = await deliveryCounts(url)) {
    await new Promise((r) => setTimeout(r, 50));
  }
}
