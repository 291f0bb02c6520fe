// WeCom OAuth and DingTalk 免登 through the real HTTP stack against the loopback fakes.
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor, wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';

const t = await createTestDb();
const wecom = await startFakeWecomServer();
const dingtalk = await startFakeDingtalkApiServer();
afterAll(async () => {
  await wecom.close();
  await dingtalk.close();
});
const env = { ...wecomEnv(wecom), DINGTALK_CLIENT_ID: dingtalk.clientId, DINGTALK_CLIENT_SECRET: dingtalk.clientSecret, PUBLIC_BASE_URL: 'https://hr.example.com' };
const { request } = createTestApp(t, env, { platformClients: { wecom: wecomClientFor(wecom, t), dingtalk: dingtalkClientFor(dingtalk, t) } });
const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []).find((c) => c.startsWith(`${name}=`));

describe('WeCom OAuth sign-in', () => {
  it('redirects to WeCom with snsapi_base, a state cookie and our callback, then signs the bound employee in', async () => {
    const e = await makeEmployee(t.deps, { name: '企微张三', identities: { wecom: 'zhangsan' } });
    const start = await request.get('/api/v1/h5/wecom/authorize?redirect=/app/me');
    expect(start.status).toBe(302);
    const target = new URL(start.headers.location as string);
    expect(target.origin).toBe('https://open.weixin.qq.com');
    expect(target.searchParams.get('scope')).toBe('snsapi_base');
    expect(target.searchParams.get('appid')).toBe(wecom.corpId);
    expect(target.searchParams.get('redirect_uri')).toBe('https://hr.example.com/api/v1/h5/wecom/callback?redirect=%2Fapp%2Fme');
    const state = target.searchParams.get('state')!;
    const stateCookie = cookieOf(start, 'sentinel_oauth_state')!.split(';')[0]!;

    wecom.addOauthCode('code-1', 'zhangsan');
    const back = await request.get(`/api/v1/h5/wecom/callback?code=code-1&state=${state}&redirect=/app/me`).set('Cookie', stateCookie);
    expect(back.status).toBe(302);
    expect(back.headers.location).toBe('/app/me');
    const session = cookieOf(back, 'sentinel_session')!;
    expect(session).toMatch(/httponly/i);
    expect(session).toMatch(/samesite=lax/i);
    const me = await request.get('/api/v1/h5/me').set('Cookie', session.split(';')[0]!);
    expect(me.body.employee).toMatchObject({ id: e.id, name: '企微张三' });
  });

  it('sends an unknown WeCom user to a clear login page instead of failing', async () => {
    const start = await request.get('/api/v1/h5/wecom/authorize');
    const state = new URL(start.headers.location as string).searchParams.get('state')!;
    wecom.addOauthCode('code-2', 'nobody');
    const back = await request.get(`/api/v1/h5/wecom/callback?code=code-2&state=${state}`).set('Cookie', cookieOf(start, 'sentinel_oauth_state')!.split(';')[0]!);
    expect(back.headers.location).toBe('/app/login?error=unknown_user');
    expect(cookieOf(back, 'sentinel_session')).toBeUndefined();
  });

  it('rejects a callback whose state does not match the cookie (login CSRF)', async () => {
    wecom.addOauthCode('code-3', 'zhangsan');
    const back = await request.get('/api/v1/h5/wecom/callback?code=code-3&state=forged').set('Cookie', 'sentinel_oauth_state=other');
    expect(back.headers.location).toBe('/app/login?error=state');
    expect(cookieOf(back, 'sentinel_session')).toBeUndefined();
  });

  it('never redirects outside the app', async () => {
    const start = await request.get('/api/v1/h5/wecom/authorize?redirect=https://evil.example.com/');
    expect(new URL(start.headers.location as string).searchParams.get('redirect_uri')).toContain('redirect=%2Fapp%2Fme');
  });

  it('serves the JS-SDK config for our own pages only', async () => {
    const ok = await request.get('/api/v1/h5/jsapi-config').query({ url: 'https://hr.example.com/app/me#x' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ corp: { signature: expect.stringMatching(/^[0-9a-f]{40}$/) }, agent: { signature: expect.stringMatching(/^[0-9a-f]{40}$/) } });
    const foreign = await request.get('/api/v1/h5/jsapi-config').query({ url: 'https://evil.example.com/' });
    expect(foreign.status).toBe(400);
  });
});

describe('DingTalk 免登', () => {
  it('turns an auth code into a session for the bound employee, and refuses unknown users clearly', async () => {
    await makeEmployee(t.deps, { name: '钉钉李四', identities: { dingtalk: 'lisi' } });
    dingtalk.data.authCodes.set('auth-1', 'lisi');
    const res = await request.post('/api/v1/h5/dingtalk/login').send({ code: 'auth-1' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('钉钉李四');
    expect(cookieOf(res, 'sentinel_session')).toBeDefined();
    dingtalk.data.authCodes.set('auth-2', 'stranger');
    const unknown = await request.post('/api/v1/h5/dingtalk/login').send({ code: 'auth-2' });
    expect(unknown.status).toBe(403);
    expect(unknown.body.error.message).toContain('尚未关联员工档案');
  });

  it('keeps the dev login closed once a platform is configured', async () => {
    const res = await request.post('/api/v1/h5/dev-login').send({ employeeId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(403);
  });
});
