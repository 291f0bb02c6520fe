// Token guessing and sign-in floods (issue 13 §5): wrong bearer tokens are counted per client in
// PostgreSQL and the client is then refused unchecked, on every instance; every H5 sign-in path shares one
// per-client budget. Other clients are other loopback addresses (127.0.0.x).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '../../src/http/rate-limits.ts';
import { get } from '../helpers/raw-http.ts';
import { ADMIN_TOKEN, createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { app, request } = createTestApp(t);
const servers = [app, createTestApp(t).app].map((a) => a.listen(0, '127.0.0.1'));
await Promise.all(servers.map((s) => new Promise((ok) => s.once('listening', ok))));
const [base, otherInstance] = servers.map((s: Server) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`) as [string, string];
afterAll(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const { points } = RATE_LIMITS.badToken;

describe('wrong bearer tokens', () => {
  it(`answers ${points} wrong tokens with 401, then refuses the client with 429 without checking, on every instance`, async () => {
    for (let i = 0; i < points; i++) expect((await get(base, '/api/v1/employees', { from: '127.0.0.2', headers: bearer(`guess-${i}`) })).status).toBe(401);
    const refused = await get(base, '/api/v1/employees', { from: '127.0.0.2', headers: bearer('guess-next') });
    expect([refused.status, refused.body.error?.message]).toEqual([429, '令牌错误次数过多，请 15 分钟后再试']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    // Even the right token is not compared while blocked: a guesser learns nothing from a hit.
    expect((await get(base, '/api/v1/employees', { from: '127.0.0.2', headers: bearer(ADMIN_TOKEN) })).status).toBe(429);
    expect((await get(otherInstance, '/api/v1/employees', { from: '127.0.0.2', headers: bearer(ADMIN_TOKEN) })).status).toBe(429);
    // Another client with the right token is unaffected.
    expect((await get(base, '/api/v1/employees', { from: '127.0.0.3', headers: bearer(ADMIN_TOKEN) })).status).toBe(200);
  });

  it('blocks a client whose guesses arrive all at once, and answers every one of them clearly', async () => {
    const burst = await Promise.all(Array.from({ length: 3 * points }, (_, i) => get(base, '/api/v1/employees', { from: '127.0.0.4', headers: bearer(`burst-${i}`) })));
    expect(burst.filter((r) => r.status !== 401 && r.status !== 429)).toEqual([]);
    expect((await get(otherInstance, '/api/v1/employees', { from: '127.0.0.4', headers: bearer(ADMIN_TOKEN) })).status).toBe(429);
  });

  it('counts wrong session tokens as well', async () => {
    for (let i = 0; i < points; i++) await get(base, '/api/v1/h5/me', { from: '127.0.0.6', headers: bearer(`expired-session-${i}`) });
    expect((await get(base, '/api/v1/h5/me', { from: '127.0.0.6', headers: bearer('another') })).status).toBe(429);
  });

  it('does not count right tokens against their client', async () => {
    for (let i = 0; i < points + 5; i++) expect((await get(base, '/api/v1/employees', { from: '127.0.0.5', headers: bearer(ADMIN_TOKEN) })).status).toBe(200);
    expect((await get(base, '/api/v1/employees', { from: '127.0.0.5', headers: bearer('one-wrong') })).status).toBe(401);
  });
});

describe('sign-in paths', () => {
  it(`allow ${RATE_LIMITS.login.points} sign-ins per client together, then 429 on the dev login, DingTalk 免登 and the WeCom callback`, async () => {
    for (let i = 0; i < RATE_LIMITS.login.points; i++) {
      const res = await request.post('/api/v1/h5/dev-login').send({ employeeId: '00000000-0000-4000-8000-000000000000' });
      expect(res.status).not.toBe(429);
    }
    const dev = await request.post('/api/v1/h5/dev-login').send({ employeeId: '00000000-0000-4000-8000-000000000000' });
    expect([dev.status, dev.body.error.message]).toEqual([429, expect.stringMatching(/^请求过于频繁，请 \d+ 秒后再试$/)]);
    expect(Number(dev.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request.post('/api/v1/h5/dingtalk/login').send({ code: 'x' })).status).toBe(429);
    expect((await request.get('/api/v1/h5/wecom/callback?code=x&state=y')).status).toBe(429);
  });
});
