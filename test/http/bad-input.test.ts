// Bad input everywhere: fast-check throws adversarial JSON at every REST route with a JSON body and
// junk files at every upload (as an admin, so the permission check lets it through to the parser).
// Never a 5xx; a refusal is a 4xx in Chinese and changes nothing; nothing pollutes a prototype.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adversarialValue, invalidUtf8, mutatedBody, pollutionBody, traversalFileName } from '../helpers/adversarial.ts';
import { exeBytes } from '../helpers/make-png.ts';
import { sampleFromSchema } from '../helpers/sample-from-schema.ts';
import { tableCounts } from '../helpers/table-counts.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-20T02:00:00Z') });
const { request, auth } = createTestApp(t);
const CHINESE = /[\u4e00-\u9fff]/;
/** Runs per route: ~50 JSON routes × 8 keeps the file well under a minute on a loaded machine. */
const RUNS = 6;

interface Route { key: string; method: string; url: string; sample: unknown; multipart: boolean }
const doc = (await request.get('/api/v1/openapi.json').set(auth)).body as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: object }> } }>> };
const routes: Route[] = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({
    key: `${method.toUpperCase()} ${path}`, method,
    url: `/api/v1${path.replace(/\{(\w+)\}/g, (_m, name: string) => ({ day: '2026-03-20', n: '1', index: '0', kind: 'notice', part: 'document', template: 'x' } as Record<string, string>)[name] ?? randomUUID())}`,
    sample: sampleFromSchema(op.requestBody?.content['application/json']?.schema, randomUUID()),
    multipart: Boolean(op.requestBody?.content['multipart/form-data']),
  })));

/** Sends, then checks: below 500, a Chinese message on refusal, and a refusal changed no table. */
async function expectHandled(route: Route, send: () => PromiseLike<{ status: number; body: { error?: { message?: string } } }>, problems: string[], what: string) {
  const before = await tableCounts(t.db);
  const res = await send();
  if (res.status >= 500) problems.push(`${route.key} ${what} → ${res.status}`);
  else if (res.status >= 400) {
    if (!CHINESE.test(res.body.error?.message ?? '')) problems.push(`${route.key} ${what} → ${res.status} without a Chinese message: ${JSON.stringify(res.body).slice(0, 200)}`);
    const after = await tableCounts(t.db);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    if (changed.length > 0) problems.push(`${route.key} ${what} → ${res.status} but changed ${changed.join(', ')}`);
  }
}

const raw = (route: Route, body: string | Buffer) => request[route.method as 'post'](route.url).set(auth).set('Content-Type', 'application/json').send(body);

const jsonRoutes = routes.filter((r) => r.sample !== undefined);

describe('adversarial JSON bodies', { timeout: 60_000 }, () => {
  it('finds the JSON routes in the OpenAPI document', () => expect(jsonRoutes.length).toBeGreaterThan(30));

  it.each(jsonRoutes.map((r) => [r.key, r] as const))('%s: never a 5xx; a refusal is Chinese and changes nothing', async (_key, route) => {
    const problems: string[] = [];
    {
      const body = fc.oneof(mutatedBody(route.sample), pollutionBody, fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)));
      await fc.assert(fc.asyncProperty(body, async (b) => {
        await expectHandled(route, () => raw(route, b), problems, b.slice(0, 80));
      }), { numRuns: RUNS, seed: 19 });
      await expectHandled(route, () => raw(route, fc.sample(invalidUtf8, { numRuns: 1, seed: 19 })[0]!), problems, 'invalid UTF-8');
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).roles).toBeUndefined();
  });

  it('answers an adversarial query string on every GET route below 500', async () => {
    const problems: string[] = [];
    for (const route of routes.filter((r) => r.method === 'get')) {
      await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom('from', 'to', 'employeeId', 'page', 'pageSize', 'limit', 'status', 'q', 'year', '__proto__'), adversarialValue.map(String), { maxKeys: 3 }), async (query) => {
        const res = await request.get(route.url).query(query).set(auth);
        if (res.status >= 500) problems.push(`${route.key} ?${new URLSearchParams(query)} → ${res.status}`);
      }), { numRuns: 4, seed: 19 });
    }
    expect(problems).toEqual([]);
  });
});

const junkFile = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc.constantFrom(exeBytes(), Buffer.from('%PDF-1.7 but not really'), Buffer.from('PK\u0003\u0004 not a zip'), Buffer.from('\u0089PNG\r\n\u001a\n truncated'), Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>')),
);

describe('adversarial uploads', { timeout: 60_000 }, () => {
  it('refuses junk bytes under any name on every upload route in Chinese, and stores nothing', async () => {
    const problems: string[] = [];
    const uploads = routes.filter((r) => r.multipart);
    expect(uploads.length).toBeGreaterThanOrEqual(5);
    for (const route of uploads) {
      await fc.assert(fc.asyncProperty(junkFile, traversalFileName, async (bytes, name) => {
        await expectHandled(route, () => request.post(route.url).set(auth).field('kind', 'OTHER_EMPLOYER_CONTRIBUTIONS').field('consent', 'true').attach('file', bytes, { filename: name }), problems, name);
      }), { numRuns: RUNS, seed: 19 });
    }
    expect(problems).toEqual([]);
  });
});
