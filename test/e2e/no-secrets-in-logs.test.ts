// Secrets and personal data never reach the logs: a full demo start (embedded PostgreSQL, migrations,
// the demo company, the scheduler on, debug logging) with traffic that reads and writes personal
// data, then every line the process printed is searched for the admin token, the master key and
// every seeded ID number and mobile.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-nolog-'));
chmodSync(dataDir, 0o755);
const masterKey = randomBytes(32);
const env = { DATA_DIR: dataDir, ADMIN_TOKEN: `nolog-${randomBytes(24).toString('hex')}`, SENTINEL_MASTER_KEY: masterKey.toString('base64'), LOG_LEVEL: 'debug', SCHEDULER: 'on' };
let server: RunningServer | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Person { id: string; idNumber?: string | null; mobile?: string | null }

describe('the logs of a full demo run', { timeout: 240_000 }, () => {
  it('hold neither the admin token, the master key, nor any seeded ID number or mobile', async () => {
    server = await startServer(env, undefined, { terminal: true });
    const s = server;
    const api = (path: string, init: RequestInit = {}) => fetch(`${s.baseUrl}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...init.headers } });
    const list = (await (await api('/employees?pageSize=200')).json()) as { items: Person[] };
    expect(list.items.length).toBeGreaterThanOrEqual(60);
    // Unmasked reads (audited) of everyone, and requests that fail on personal data.
    const people: Person[] = [];
    for (const e of list.items) people.push((await (await api(`/employees/${e.id}`)).json()) as Person);
    const first = people.find((p) => p.idNumber)!;
    await api('/employees', { method: 'POST', body: JSON.stringify({ employeeNo: 'LOG-1', name: '日志', startDate: '2026-02-30', idNumber: first.idNumber, mobile: first.mobile }) });
    await api('/employees', { method: 'POST', body: JSON.stringify({ employeeNo: 'LOG-2', name: '日志', startDate: '2026-03-02', department: '研发部', idNumber: first.idNumber, mobile: first.mobile }) });
    await api(`/employees/${first.id}`, { method: 'PATCH', body: JSON.stringify({ mobile: 'not-a-mobile', idNumber: `${first.idNumber}X` }) });
    await fetch(`${s.baseUrl}/api/v1/employees`, { headers: { Authorization: `Bearer ${env.ADMIN_TOKEN}x` } });
    await fetch(`${s.baseUrl}/api/v1/employees`, { headers: { Authorization: `Bearer ${env.SENTINEL_MASTER_KEY}` } });
    await new Promise((r) => setTimeout(r, 2000));
    await s.stop('SIGINT');

    const output = s.output();
    expect(output.length).toBeGreaterThan(1000);
    const secrets = [env.ADMIN_TOKEN, env.SENTINEL_MASTER_KEY, masterKey.toString('hex'), masterKey.toString('base64url')];
    const personal = people.flatMap((p) => [p.idNumber, p.mobile]).filter((v): v is string => typeof v === 'string' && /^(\d{11}|\d{17}[\dX])$/.test(v));
    expect(personal.length).toBeGreaterThan(100);
    expect(secrets.filter((v) => output.includes(v)).map((v) => v.slice(0, 6))).toEqual([]);
    expect(personal.filter((v) => output.includes(v))).toEqual([]);
  });
});
