// A throwaway embedded PostgreSQL cluster in a temp dir, with one migrated database. Used by
// the test run (one per run) and by the benchmark. Started like the server's embedded cluster
// (postgres-server.ts), so it also works as root from a checkout in a private directory.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../src/db/migrate.ts';
import { accountCanAccess, postgresAccount } from '../../src/db/postgres-account.ts';
import { reachableBinaries, shippedBinaries } from '../../src/db/postgres-binaries.ts';
import { initialiseCluster, startCluster } from '../../src/db/postgres-server.ts';
import { watchPostgres } from '../../src/db/watch-postgres.ts';
import { freePort } from '../../src/db/free-port.ts';

export interface ScratchPostgres {
  adminUrl: string;
  /** The migrated database. */
  url: string;
  stop(): Promise<void>;
}

export async function startScratchPostgres(opts: { database: string; migrationsDir: string; postgresFlags: string[] }): Promise<ScratchPostgres> {
  const account = postgresAccount();
  // As root the cluster runs as `postgres`, which must reach the temp dir (TMPDIR may be private).
  const dir = mkdtempSync(join(accountCanAccess(account, tmpdir(), 'x') ? tmpdir() : '/tmp', 'sentinel-scratch-pg-'));
  chmodSync(dir, 0o755);
  const cluster = { binaries: reachableBinaries(account, await shippedBinaries()), dataDir: join(dir, 'data'), account, password: 'scratch' };
  await initialiseCluster(cluster);
  const port = await freePort();
  const server = await startCluster({ ...cluster, port, flags: ['-c', 'listen_addresses=127.0.0.1', ...opts.postgresFlags] });
  watchPostgres(server.pid, cluster.dataDir);
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
