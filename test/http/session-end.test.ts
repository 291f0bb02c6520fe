// Issue 13 §6: logout ends the session however it was presented, and the sandbox's dev-login
// sessions stop counting once a real chat platform is configured.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const sandboxApp = createTestApp(t).request;
const dingtalkApp = createTestApp(t, { DINGTALK_CLIENT_ID: 'ding-test', DINGTALK_CLIENT_SECRET: 'secret-test' }).request;
const me = await makeActor(t.deps, ['EMPLOYEE']);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const cookiesOf = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []);

describe('POST /api/v1/h5/logout', () => {
  it('ends a session presented as a bearer token', async () => {
    const { token } = await createSession(t.deps, { employeeId: me.employee.id, platform: 'wecom', method: 'test' });
    expect((await sandboxApp.get('/api/v1/h5/me').set(bearer(token))).status).toBe(200);
    expect((await sandboxApp.post('/api/v1/h5/logout').set(bearer(token))).status).toBe(204);
    const after = await sandboxApp.get('/api/v1/h5/me').set(bearer(token));
    expect([after.status, after.body.error.message]).toEqual([401, '令牌无效或会话已过期']);
    expect(await t.db.session.count({ where: { employeeId: me.employee.id, platform: 'wecom' } })).toBe(0);
  });

  it('ends a session presented as the cookie and clears both cookies', async () => {
    const login = await sandboxApp.post('/api/v1/h5/dev-login').send({ employeeId: me.employee.id });
    const jar = cookiesOf(login).map((c) => c.split(';')[0]).join('; ');
    const csrf = /sentinel_csrf=([^;]+)/.exec(jar)![1]!;
    const out = await sandboxApp.post('/api/v1/h5/logout').set({ Cookie: jar, Origin: 'http://localhost:3000', 'X-CSRF-Token': csrf });
    expect(out.status).toBe(204);
    expect(cookiesOf(out).filter((c) => /^(sentinel_session|sentinel_csrf)=;/.test(c))).toHaveLength(2);
    expect((await sandboxApp.get('/api/v1/h5/me').set('Cookie', jar)).status).toBe(401);
  });
});

describe('dev-login sessions', () => {
  it('stop working once a chat platform is configured, while platform sessions keep working', async () => {
    const login = await sandboxApp.post('/api/v1/h5/dev-login').send({ employeeId: me.employee.id });
    const jar = cookiesOf(login).map((c) => c.split(';')[0]).join('; ');
    const { token: devToken } = await createSession(t.deps, { employeeId: me.employee.id, platform: 'sandbox', method: 'dev-login' });
    expect((await sandboxApp.get('/api/v1/h5/me').set('Cookie', jar)).status).toBe(200);
    expect((await sandboxApp.get('/api/v1/h5/me').set(bearer(devToken))).status).toBe(200);

    expect((await dingtalkApp.get('/api/v1/h5/me').set('Cookie', jar)).status).toBe(401);
    expect((await dingtalkApp.get('/api/v1/h5/me').set(bearer(devToken))).status).toBe(401);
    const { token: dingtalkToken } = await createSession(t.deps, { employeeId: me.employee.id, platform: 'dingtalk', method: 'dingtalk-authcode' });
    expect((await dingtalkApp.get('/api/v1/h5/me').set(bearer(dingtalkToken))).status).toBe(200);
  });
});
