// The embedded PostgreSQL never outlives the process that started it, and starts as root from
// a checkout or DATA_DIR inside a private (0700) directory.
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterDirectory, CLUSTER_HOME } from '../../src/db/cluster-location.ts';
import { isRunning } from '../../src/db/cluster-owner.ts';
import { openEmbeddedDatabase } from '../../src/db/embedded.ts';
import { accountCanAccess, postgresAccount } from '../../src/db/postgres-account.ts';
import { BINARY_CACHE, reachableBinaries, shippedBinaries } from '../../src/db/postgres-binaries.ts';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(mode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-embedded-'));
  chmodSync(dir, mode);
  made.push(dir);
  return dir;
}

/** Starts the fixture owner and resolves with it once its database runs. */
async function startOwner(dataDir: string, crash = false) {
  const child = spawn(process.execPath, ['test/fixtures/embedded-owner.fixture.ts', dataDir, ...(crash ? ['crash'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', ok));
  await expect.poll(() => /ready (\d+)/.test(out) || child.exitCode !== null, { timeout: 90_000, interval: 100 }).toBe(true);
  const postmaster = Number(/ready (\d+)/.exec(out)?.[1] ?? NaN);
  expect(postmaster, out).toBeGreaterThan(0);
  return { child, postmaster, exited, output: () => out };
}

function watchdogOf(postmaster: number): number | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.some((a) => a.endsWith('postgres-watchdog.ts')) && args.includes(String(postmaster))) return Number(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  return undefined;
}

describe('an embedded PostgreSQL whose owner dies', { timeout: 120_000 }, () => {
  it('is stopped when the owner is killed with SIGKILL', async () => {
    const owner = await startOwner(join(tempDir(0o755), 'data'));
    owner.child.kill('SIGKILL');
    await expect.poll(() => isRunning(owner.postmaster), { timeout: 15_000, interval: 200 }).toBe(false);
  });

  it('is stopped when the owner crashes with an uncaught exception', async () => {
    const owner = await startOwner(join(tempDir(0o755), 'data'), true);
    expect(await owner.exited).toBe(1);
    expect(owner.output()).toContain('crash on purpose');
    await expect.poll(() => isRunning(owner.postmaster), { timeout: 15_000, interval: 200 }).toBe(false);
  });

  it('is stopped by the next start when its watchdog was killed too, and that start runs its own', async () => {
    const dataDir = join(tempDir(0o755), 'data');
    const owner = await startOwner(dataDir);
    const watchdog = watchdogOf(owner.postmaster);
    expect(watchdog).toBeDefined();
    process.kill(watchdog!, 'SIGKILL');
    owner.child.kill('SIGKILL');
    await owner.exited;
    await new Promise((r) => setTimeout(r, 500));
    expect(isRunning(owner.postmaster)).toBe(true); // left running alone
    const logs: string[] = [];
    const db = await openEmbeddedDatabase(dataDir, (m) => logs.push(m));
    try {
      expect(db.owned).toBe(true);
      expect(logs.join('\n')).toContain(`pid ${owner.postmaster}`);
      expect(isRunning(owner.postmaster)).toBe(false);
    } finally {
      await db.stop();
    }
  });
});

const root = process.getuid?.() === 0;
describe.skipIf(!root)('as root, with DATA_DIR or the checkout inside a private directory (run only as root, where PostgreSQL runs as the postgres user)', { timeout: 120_000 }, () => {
  it('keeps the cluster where the postgres user can reach it, linked from DATA_DIR/pg, across restarts', async () => {
    const dataDir = join(tempDir(0o700), 'data');
    let db = await openEmbeddedDatabase(dataDir, () => {});
    const link = join(dataDir, 'pg');
    const home = dirname(readlinkSync(link));
    made.push(home);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(home.startsWith(`${CLUSTER_HOME}/`)).toBe(true);
    await query(db.url, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    await db.stop();
    db = await openEmbeddedDatabase(dataDir, () => {});
    try {
      expect(db.owned).toBe(true);
      expect(await query(db.url, 'SELECT n FROM kept')).toEqual([{ n: 42 }]);
    } finally {
      await db.stop();
    }
  });

  it('runs the binaries from a cached copy when the postgres user cannot reach node_modules', async () => {
    const hidden = tempDir(0o700);
    symlinkSync(await shippedBinaries(), join(hidden, 'native'));
    const account = postgresAccount();
    expect(accountCanAccess(account, join(hidden, 'native', 'bin', 'postgres'), 'x')).toBe(false);
    const usable = reachableBinaries(account, join(hidden, 'native'));
    expect(usable.startsWith(`${BINARY_CACHE}/`)).toBe(true);
    expect(accountCanAccess(account, join(usable, 'bin', 'postgres'), 'x')).toBe(true);
  });

  it('stops at once, naming the directory and the fix, when an existing cluster cannot be reached', () => {
    const dataDir = join(tempDir(0o700), 'data');
    mkdirSync(join(dataDir, 'pg'), { recursive: true });
    expect(() => clusterDirectory(dataDir, postgresAccount(), () => {})).toThrow(new RegExp(`cannot enter ${join(dataDir, 'pg')}.*setfacl -m u:postgres:x`));
  });

  it('stops at once when DATA_DIR/pg links to a cluster that is gone', () => {
    const dataDir = join(tempDir(0o700), 'data');
    mkdirSync(dataDir);
    symlinkSync(join(CLUSTER_HOME, 'gone', 'pg'), join(dataDir, 'pg'));
    expect(() => clusterDirectory(dataDir, postgresAccount(), () => {})).toThrow(/links to \/var\/lib\/shebao-sentinel\/gone\/pg, which no longer exists/);
  });
});

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
