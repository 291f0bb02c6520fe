// PostgreSQL stops and starts again (same data directory, same port) while requests keep coming:
// the server process stays up, /readyz answers 503 while the database is away and 200 once it is
// back, and API requests succeed again without anyone restarting the app.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../src/db/embedded.ts';
import { postgresAccount } from '../../src/db/postgres-account.ts';
import { reachableBinaries, shippedBinaries } from '../../src/db/postgres-binaries.ts';
import { startCluster, type RunningPostgres } from '../../src/db/postgres-server.ts';
import { startServer, type RunningServer } from '../e2e/server-process.ts';

const pgHome = mkdtempSync(join(tmpdir(), 'sentinel-pg-restart-'));
const appData = mkdtempSync(join(tmpdir(), 'sentinel-app-restart-'));
const db = await openEmbeddedDatabase(pgHome, () => {});
let restarted: RunningPostgres | undefined;
let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop('SIGTERM');
  await restarted?.stop();
  await db.stop();
  rmSync(pgHome, { recursive: true, force: true });
  rmSync(appData, { recursive: true, force: true });
});

const ADMIN_TOKEN = 'restart-test-admin-token-0123456789';
const readyz = async () => (await fetch(`${server!.baseUrl}/readyz`)).status;
const employees = async () => (await fetch(`${server!.baseUrl}/api/v1/employees?pageSize=1`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).status;

describe('PostgreSQL restarted under load', { timeout: 240_000 }, () => {
  it('the app keeps running, says 503 while the database is down and recovers by itself', async () => {
    server = await startServer({ DATABASE_URL: db.url, DATA_DIR: appData, ADMIN_TOKEN, SENTINEL_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') });
    expect(await readyz()).toBe(200);
    expect(await employees()).toBe(200);

    // Load: requests keep coming during the whole outage.
    let load = true;
    const statuses: number[] = [];
    const traffic = (async () => {
      while (load) statuses.push(await employees().catch(() => -1), await readyz().catch(() => -1));
    })();

    await db.stop();
    await expect.poll(readyz, { timeout: 30_000, interval: 200 }).toBe(503);
    await new Promise((ok) => setTimeout(ok, 3000)); // down for a while, pg-boss and the pool keep failing

    const port = Number(new URL(db.url).port);
    const account = postgresAccount();
    const password = readFileSync(join(pgHome, 'pg-password'), 'utf8').trim();
    restarted = await startCluster({ binaries: reachableBinaries(account, await shippedBinaries()), dataDir: db.dir, account, password, port, flags: ['-c', 'listen_addresses=127.0.0.1'] });

    await expect.poll(readyz, { timeout: 60_000, interval: 300 }).toBe(200);
    await expect.poll(employees, { timeout: 30_000, interval: 300 }).toBe(200);
    load = false;
    await traffic;
    expect(server.child.exitCode).toBeNull();
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s === -1)).toHaveLength(0); // the process always answered
  });
});
