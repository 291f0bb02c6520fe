// The public verify endpoint under a flood (issue 13 §5): per-client rate limit counted in
// PostgreSQL (so two instances share it), uploads streamed to a temporary file with a size cap
// answered at once, and only a few verifications at a time. Other clients are other loopback
// addresses (127.0.0.x), as the server sees them.
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../src/http/rate-limits.ts';
import { MAX_VERIFY_UPLOAD_BYTES } from '../../src/http/routes/evidence-pack-routes.ts';
import { MAX_CONCURRENT_VERIFICATIONS } from '../../src/http/verify-admission.ts';
import { openUpload, upload } from '../helpers/raw-http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const PDF = Buffer.from('%PDF-1.7\n% 一份不在台账中的文件\n%%EOF\n');
const TOO_MANY = /^请求过于频繁，请 (\d+ 秒|\d+ 分钟)后再试$/;

const t = await createTestDb();
const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-flood-'));
const uploads = join(dataDir, 'uploads');
const { app, request } = createTestApp(t, { DATA_DIR: dataDir });
const server: Server = app.listen(0, '127.0.0.1');
await new Promise((ok) => server.once('listening', ok));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const leftovers = () => readdirSync(uploads, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name);
async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  for (const started = Date.now(); !check(); await sleep(20)) if (Date.now() - started > ms) throw new Error(`timed out waiting until ${what}`);
}
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, sleep(ms).then(() => { throw new Error(`no answer within ${ms} ms`); })]);

describe('POST /api/v1/evidence/verify under a flood', () => {
  it(`answers ${RATE_LIMITS.verify.points} uploads of one client, then 429 with Retry-After and a Chinese message`, async () => {
    for (let i = 0; i < RATE_LIMITS.verify.points; i++) {
      const res = await request.post('/api/v1/evidence/verify').attach('file', PDF, { filename: 'a.pdf' });
      expect(res.status).toBe(200);
    }
    const refused = await request.post('/api/v1/evidence/verify').attach('file', PDF, { filename: 'a.pdf' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(TOO_MANY);
    expect(leftovers()).toEqual([]);
  });

  it('shares the count between two instances on the same database', async () => {
    const other = await createTestDb();
    const [a, b] = [createTestApp(other, { DATA_DIR: dataDir }).request, createTestApp(other, { DATA_DIR: dataDir }).request];
    for (let i = 0; i < RATE_LIMITS.verify.points; i++) {
      const res = await (i % 2 === 0 ? a : b).post('/api/v1/evidence/verify').attach('file', PDF, { filename: 'a.pdf' });
      expect(res.status).toBe(200);
    }
    expect((await a.post('/api/v1/evidence/verify').attach('file', PDF, { filename: 'a.pdf' })).status).toBe(429);
    expect((await b.post('/api/v1/evidence/verify').attach('file', PDF, { filename: 'a.pdf' })).status).toBe(429);
  });

  it('streams an upload to a temporary file, answers 413 as soon as it passes the cap, and removes the file', async () => {
    const open = openUpload(base, '/api/v1/evidence/verify', { from: '127.0.0.2' });
    let answered = false;
    void open.response.then(() => (answered = true));
    open.req.write(open.head);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    for (; !answered && sent < MAX_VERIFY_UPLOAD_BYTES + 16 * chunk.length; sent += chunk.length) {
      if (!open.req.write(chunk)) await Promise.race([new Promise((ok) => open.req.once('drain', ok)), open.response]);
      // On the way, the bytes land on disk, not in the server's memory.
      if (sent === 8 * chunk.length) await until('the upload is on disk', () => leftovers().some((f) => statSync(join(uploads, f)).size > 1024 * 1024));
    }
    const res = await within(open.response, 10_000);
    expect([res.status, res.body.error?.message]).toEqual([413, '文件超过 50 MB 上限']);
    expect(res.headers.connection).toBe('close');
    // The answer came while the client was still sending: the rest was never read.
    expect(sent).toBeLessThan(MAX_VERIFY_UPLOAD_BYTES + 16 * chunk.length);
    open.req.destroy();
    await until('the temporary file is removed', () => leftovers().length === 0);
  });

  it('refuses a declared Content-Length over the cap before reading any of it', async () => {
    const open = openUpload(base, '/api/v1/evidence/verify', { from: '127.0.0.3', headers: { 'Content-Length': String(10 * 1024 ** 3) } });
    open.req.write(open.head);
    const res = await within(open.response, 5_000);
    expect(res.status).toBe(413);
    open.req.destroy();
    expect(leftovers()).toEqual([]);
  });

  it(`verifies ${MAX_CONCURRENT_VERIFICATIONS} at a time: more get 503 with Retry-After, a second from the same client 429`, async () => {
    const held = ['127.0.0.4', '127.0.0.5'].map((from) => openUpload(base, '/api/v1/evidence/verify', { from }));
    for (const h of held) h.req.write(Buffer.concat([h.head, PDF.subarray(0, 10)]));
    await until('both uploads are being received', () => leftovers().length === MAX_CONCURRENT_VERIFICATIONS);

    const busy = await within(upload(base, '/api/v1/evidence/verify', PDF, '127.0.0.6'), 5_000);
    expect([busy.status, busy.headers['retry-after'], busy.body.error?.message]).toEqual([503, '10', '正在核验的文件较多，请 10 秒后再试']);
    const again = await within(upload(base, '/api/v1/evidence/verify', PDF, '127.0.0.4'), 5_000);
    expect([again.status, again.body.error?.message]).toEqual([429, '你已有一个文件正在核验，请等它完成后，约 10 秒后再试']);

    for (const h of held) {
      h.req.write(PDF.subarray(10));
      h.end();
    }
    for (const h of held) expect((await within(h.response, 5_000)).status).toBe(200);
    const after = await within(upload(base, '/api/v1/evidence/verify', PDF, '127.0.0.6'), 5_000);
    expect([after.status, after.body.kind, after.body.authentic]).toEqual([200, 'document', false]);
    expect(leftovers()).toEqual([]);
  });
});
