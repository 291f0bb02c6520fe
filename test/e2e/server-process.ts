// Runs `node scripts/start.ts` (what `npm start` runs) as a real child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/db/free-port.ts';

export interface RunningServer {
  child: ChildProcess;
  output: () => string;
  baseUrl: string;
  /** From ADMIN_TOKEN, else DATA_DIR/admin-token (the banner shows it on the first start only). */
  adminToken: string;
  /** Sends the signal to the server, or to its whole process group when it runs as in a terminal. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `terminal`: the server leads its own process group, so that `stop` signals the group as Ctrl-C in a terminal does. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000, opts: { terminal?: boolean } = {}): Promise<RunningServer> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), SCHEDULER: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: Boolean(opts.terminal),
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const started = Date.now();
  while (!/Admin token\s+\S+/.test(out)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    output: () => out,
    baseUrl: `http://127.0.0.1:${port}`,
    adminToken: env.ADMIN_TOKEN ?? readFileSync(join(env.DATA_DIR ?? 'data', 'admin-token'), 'utf8').trim(),
    async stop(signal = 'SIGINT') {
      if (opts.terminal) process.kill(-child.pid!, signal);
      else child.kill(signal);
      return exited;
    },
  };
}

/** Runs a process to completion and returns its exit code and combined output. */
export function runProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => ok({ code, output }));
  });
}

/** One DATA_DIR per instance, as on separate machines (readable by the postgres account, which an embedded cluster runs as). */
export function instanceDataDirs(n: number): string[] {
  return Array.from({ length: n }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-instance-'));
    chmodSync(dir, 0o755);
    return dir;
  });
}
