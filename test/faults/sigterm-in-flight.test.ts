// SIGTERM while a request is in flight: the request (whose body is still arriving when the signal
// lands) gets its full answer, its change is committed, the process exits 0, and new connections
// are refused. Deliveries in flight are waited for by outboxWorkers.stop(); one cut short is
// retried by pg-boss (test/outbox/outbox-kill.test.ts covers that retry).
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbeddedDatabase } from '../../src/db/embedded.ts';
import { startServer, type RunningServer } from '../e2e/server-process.ts';

const pgHome = mkdtempSync(join(tmpdir(), 'sentinel-sigterm-pg-'));
const appData = mkdtempSync(join(tmpdir(), 'sentinel-sigterm-app-'));
const db = await openEmbeddedDatabase(pgHome, () => {});
let server: RunningServer | undefined;
afterAll(async () => {
  if (server?.child.exitCode === null) await server.stop('SIGKILL');
  await db.stop();
  rmSync(pgHome, { recursive: true, force: true });
  rmSync(appData, { recursive: true, force: true });
});

const ADMIN_TOKEN = 'sigterm-test-admin-token-0123456789';
const env = { DATABASE_URL: db.url, DATA_DIR: appData, ADMIN_TOKEN, SENTINEL_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };

/** A POST whose body is sent in two parts; `second` is called to send the rest. */
function slowPost(baseUrl: string, path: string, body: string) {
  const bytes = Buffer.from(body);
  const req = request(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes.length, authorization: `Bearer ${ADMIN_TOKEN}` } });
  const answer = new Promise<{ status: number; body: string }>((ok, fail) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
  });
  req.write(bytes.subarray(0, 10));
  return { answer, finish: () => req.end(bytes.subarray(10)) };
}

describe('SIGTERM during work', { timeout: 240_000 }, () => {
  it('finishes the request in flight, then exits cleanly', async () => {
    server = await startServer(env);
    const site = JSON.stringify({ name: '停机测试园区', lat: 31.2304, lng: 121.4737, coordSystem: 'wgs84', radiusM: 200 });
    const slow = slowPost(server.baseUrl, '/api/v1/work-sites', site);
    await new Promise((ok) => setTimeout(ok, 300)); // the request has reached the server
    const exited = server.stop('SIGTERM');
    await expect.poll(() => server!.output().includes('shutting down'), { timeout: 30_000, interval: 50 }).toBe(true);
    slow.finish();
    const answer = await slow.answer;
    expect(answer.status, answer.body).toBe(201);
    expect(await exited).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();

    // The change was committed: the next process sees it.
    server = await startServer(env);
    const list = await (await fetch(`${server.baseUrl}/api/v1/work-sites`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    expect(list).toContain('停机测试园区');
    expect(await server.stop('SIGTERM')).toBe(0);
  });
});
