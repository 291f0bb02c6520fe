// How a person arrives at the H5: `/` leads there, and a mistyped /app/… address gets the H5's
// own 「页面不存在」 page (index.html, 404) rather than a bare "Not Found".
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { parseEnv } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const h5Dir = mkdtempSync(join(tmpdir(), 'sentinel-h5-'));
let t: TestDb;
let request: ReturnType<typeof supertest>;

beforeAll(async () => {
  mkdirSync(join(h5Dir, 'assets'));
  writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(h5Dir, 'assets', 'page-abc123.js'), 'export const page = 1;');
  writeFileSync(join(h5Dir, 'assets', 'page-abc123.js.br'), brotliCompressSync('export const page = 1;'));
  t = await createTestDb();
  const app = createApp({
    services: t.deps,
    env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data' }),
    adminToken: 'test-admin-token-0123456789abcdef',
    log: createLogger('silent'),
    manifest: loadManifest(`${root}/app.json`),
    h5Dir,
    readiness: async () => ({ ready: true }) as never,
  });
  request = supertest(app.callback());
});
afterAll(async () => {
  rmSync(h5Dir, { recursive: true, force: true });
});

describe('arriving at the H5', () => {
  it('redirects / to the H5', async () => {
    const res = await request.get('/');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/app/');
  });

  it('answers an unknown /app page with the H5 (404), whose router shows 页面不存在', async () => {
    const res = await request.get('/app/no/such/page');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.text).toContain('<div id="app">');
    expect(res.text).not.toMatch(/^Not Found$/);
  });

  it('sends the build\'s brotli copy of an asset to a browser that accepts it, the plain file to one that does not', async () => {
    const br = await request.get('/app/assets/page-abc123.js').set('Accept-Encoding', 'br, gzip').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    const plain = await request.get('/app/assets/page-abc123.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe('export const page = 1;');
  });

  it('keeps a missing asset a plain 404, so a stale bundle is not answered with HTML', async () => {
    const res = await request.get('/app/assets/no-such-file.js');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="app">');
  });

  it('still answers a known page with 200', async () => {
    expect((await request.get('/app/me')).status).toBe(200);
  });
});
