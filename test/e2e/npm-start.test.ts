// The quick start as a new user runs it: a fresh DATA_DIR, `node scripts/start.ts`, the
// printed URLs, the demo company, Ctrl-C, a restart that keeps data, and the CLI beside it.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../src/db/cluster-owner.ts';
import { runProcess, startServer, type RunningServer } from './server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-start-'));
chmodSync(dataDir, 0o755);
const env = { DATA_DIR: dataDir };
let server: RunningServer | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const jsonLogLines = (output: string) => output.split('\n').filter((l) => l.startsWith('{'));
const api = (s: RunningServer, path: string) => fetch(`${s.baseUrl}${path}`, { headers: { Authorization: `Bearer ${s.adminToken}` } });

// Each test runs whole server or CLI processes: on a loaded machine one takes far more than 30 s.
describe('npm start on a fresh machine', { timeout: 180_000 }, () => {
  it('starts, migrates, seeds the demo company and prints the URLs and admin token', async () => {
    server = await startServer(env, undefined, { terminal: true });
    for (const label of ['H5 mini-app', 'Sandbox chat', 'API docs', 'Admin token']) expect(server.output()).toContain(label);
    // The token is shown this once, in the banner, and in no JSON log line.
    expect(server.output()).toContain(`Admin token     ${server.adminToken}   (shown this once`);
    expect(jsonLogLines(server.output()).filter((l) => l.includes(server!.adminToken))).toEqual([]);
    expect(server.output()).toMatch(/\/app\//);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    const list = (await (await api(server, '/api/v1/employees?pageSize=200')).json()) as { total: number };
    expect(list.total).toBeGreaterThanOrEqual(60);
    const h5 = await fetch(`${server.baseUrl}/app/me`);
    expect(h5.status).toBe(200);
    expect(await h5.text()).toContain('<div id="app">');
    const sandbox = await fetch(`${server.baseUrl}/sandbox`);
    expect(sandbox.status).toBe(200);
    expect(await sandbox.text()).toContain('<html');
    expect(await ready.json()).toMatchObject({ status: 'ready', platforms: [{ name: 'sandbox', state: 'active' }] });
    // Where the CLI finds this server for the links in the cards it queues.
    const port = new URL(server.baseUrl).port;
    expect(JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8'))).toMatchObject({ publicBaseUrl: `http://localhost:${port}` });
  });

  it('lets the CLI work beside the running server, through the same database', async () => {
    const job = await runProcess(['src/cli/main.ts', 'job', 'run', 'session-cleanup', '--as-of', '2026-11-22'], env);
    expect(job.output).toContain('session-cleanup as of 2026-11-22: removed');
    expect(job.code).toBe(0);
    const seed = await runProcess(['src/cli/main.ts', 'seed', '--demo'], env);
    expect(seed.output).toContain('未重复');
    const audit = (await (await api(server!, '/api/v1/audit-events?type=job.ran')).json()) as { items: unknown[] };
    expect(audit.items).toHaveLength(1);
  });

  it('stops the embedded database cleanly on Ctrl-C', async () => {
    // Started as in a terminal: Ctrl-C signals the whole process group, not only the server.
    const code = await server!.stop('SIGINT');
    expect(code).toBe(0);
    expect(server!.output().match(/stopped cleanly/g)).toHaveLength(1);
    expect(server!.output()).not.toContain('pg-boss error');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
  });

  it('keeps the data across a restart and does not seed again', async () => {
    server = await startServer(env);
    expect(server.output()).toContain('nothing seeded');
    expect(server.output()).toContain(`Admin token     in ${join(dataDir, 'admin-token')} (npx sentinel keys show)`);
    expect(server.output()).not.toContain(server.adminToken);
    const list = (await (await api(server, '/api/v1/employees?pageSize=1')).json()) as { total: number };
    expect(list.total).toBeGreaterThanOrEqual(60);
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
  });

  it('leaves no PostgreSQL running when the server is killed (SIGKILL)', async () => {
    server = await startServer(env);
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isRunning(postmaster)).toBe(true);
    await server.stop('SIGKILL');
    await expect.poll(() => isRunning(postmaster), { timeout: 15_000, interval: 200 }).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false); // a clean shutdown removes it
  });

  it('runs the CLI alone by starting the embedded database for the command', async () => {
    const job = await runProcess(['src/cli/main.ts', 'job', 'run', 'session-cleanup'], env);
    expect(job.code).toBe(0);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    const unknown = await runProcess(['src/cli/main.ts', 'job', 'run', 'no-such-job'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/known jobs: .*session-cleanup/);
  });

  it('refuses to start with a bad env value, naming the variable', async () => {
    const bad = await runProcess(['scripts/start.ts'], { ...env, PORT: 'abc' });
    expect(bad.code).not.toBe(0);
    expect(bad.output).toContain('PORT');
  });
});
