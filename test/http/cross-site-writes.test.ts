// Issue 13 §4: a write authenticated by the session cookie must come from this origin and carry the
// session's CSRF token; another site's page gets 403 and changes nothing, whatever the body type.
// Bearer calls (admin token, tools) are unaffected.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes } from '../helpers/make-png.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import type { Test } from 'supertest';

const PUBLIC = 'https://hr.example.com';
const t = await createTestDb();
const { request } = createTestApp(t, { PUBLIC_BASE_URL: PUBLIC });
const me = await makeActor(t.deps, ['EMPLOYEE'], { name: '孙八' });

const cookiesOf = (res: { headers: Record<string, unknown> }) =>
  Object.fromEntries(([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []).map((c) => c.split(';')[0]!.split('=') as [string, string]));
const login = await request.post('/api/v1/h5/dev-login').send({ employeeId: me.employee.id });
const { sentinel_session: session, sentinel_csrf: csrf } = cookiesOf(login);
const cookie = `sentinel_session=${session}; sentinel_csrf=${csrf}`;
const draft = async () => (await t.db.insuranceException.create({ data: { employeeId: me.employee.id, kind: 'RETIRED_REHIRE', reasonCategory: 'RETIRED_PENSIONER', status: 'DRAFT' } })).id;
const counts = () => Promise.all([t.db.insuranceException.count(), t.db.insuranceException.count({ where: { status: 'WITHDRAWN' } }), t.db.proof.count(), t.db.auditEvent.count()]);

/** One write of each body type the server could be sent from a foreign page's form or fetch. */
const writes: [string, (id: string) => Test][] = [
  ['no body', (id) => request.post(`/api/v1/exceptions/${id}/withdraw`)],
  ['JSON', () => request.post('/api/v1/exceptions').send({ reasonCategory: 'RETIRED_PENSIONER', note: '已退休' })],
  ['form-encoded', () => request.post('/api/v1/exceptions').type('form').send('reasonCategory=RETIRED_PENSIONER&note=x')],
  ['multipart', () => request.post('/api/v1/proofs').field('kind', 'OTHER').attach('file', pdfBytes(), 'a.pdf')],
];

describe('cookie-authenticated writes from another site', () => {
  it('gets the session cookie and a script-readable CSRF token at sign-in', () => {
    expect(login.status).toBe(200);
    expect(csrf).toMatch(/^[\w-]{43}$/);
    const raw = ([] as string[]).concat(login.headers['set-cookie'] as unknown as string[]);
    expect(raw.find((c) => c.startsWith('sentinel_session='))).toMatch(/httponly/i);
    expect(raw.find((c) => c.startsWith('sentinel_csrf='))).not.toMatch(/httponly/i);
  });

  it.each(writes)('refuses %s from a foreign Origin, from Sec-Fetch-Site cross-site or same-site, and with neither header, changing nothing', async (_kind, write) => {
    const id = await draft();
    const before = await counts();
    const attempts = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'https://evil.hr.example.com' },
      { Origin: 'null' },
      {},
    ];
    for (const headers of attempts) {
      const res = await write(id).set({ Cookie: cookie, 'X-CSRF-Token': csrf!, ...headers });
      expect([JSON.stringify(headers), res.status, res.body.error?.message]).toEqual([JSON.stringify(headers), 403, '跨站请求已拒绝，请从应用内操作']);
    }
    expect(await counts()).toEqual(before);
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
  });

  it.each(writes)('refuses %s from this origin without the session\'s CSRF token', async (_kind, write) => {
    const id = await draft();
    const before = await counts();
    for (const token of [undefined, 'x'.repeat(43), csrf!.slice(0, -1)]) {
      const res = await write(id).set({ Cookie: cookie, Origin: PUBLIC, ...(token && { 'X-CSRF-Token': token }) });
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('跨站请求已拒绝');
    }
    expect(await counts()).toEqual(before);
  });

  it('lets the same writes through from this origin with the token (Origin, or Sec-Fetch-Site alone)', async () => {
    await t.db.insuranceException.updateMany({ where: { employeeId: me.employee.id }, data: { status: 'WITHDRAWN' } }); // one open request at a time
    const id = await draft();
    const sameOrigin = { Cookie: cookie, 'X-CSRF-Token': csrf! };
    expect((await request.post(`/api/v1/exceptions/${id}/withdraw`).set({ ...sameOrigin, Origin: PUBLIC })).status).toBe(200);
    expect((await request.post('/api/v1/exceptions').set({ ...sameOrigin, 'Sec-Fetch-Site': 'same-origin' }).send({ reasonCategory: 'RETIRED_PENSIONER', note: '已退休' })).status).toBe(201);
    // The app takes no forms: past the guard, the body check answers.
    expect((await request.post('/api/v1/exceptions').set({ ...sameOrigin, Origin: PUBLIC }).type('form').send('note=x')).status).toBe(400);
    const upload = await request.post('/api/v1/proofs').set({ ...sameOrigin, 'Sec-Fetch-Site': 'same-origin', Origin: PUBLIC }).field('kind', 'OTHER').attach('file', pdfBytes(), 'a.pdf');
    expect(upload.status).toBe(201);
    // The page reached by another name of this server (its own Host) is this origin too.
    const byIp = { ...sameOrigin, Host: '10.1.2.3:3000', Origin: 'http://10.1.2.3:3000' };
    expect((await request.post(`/api/v1/exceptions/${await draft()}/withdraw`).set(byIp)).status).toBe(200);
  });

  it('hands the token to a session that has none yet on its next read', async () => {
    const res = await request.get('/api/v1/h5/me').set('Cookie', `sentinel_session=${session}`);
    expect(res.status).toBe(200);
    expect(cookiesOf(res).sentinel_csrf).toBe(csrf);
    expect(cookiesOf(await request.get('/api/v1/h5/me').set('Cookie', cookie)).sentinel_csrf).toBeUndefined();
  });

  it('leaves bearer calls alone, even with a foreign Origin', async () => {
    const { token } = await createSession(t.deps, { employeeId: me.employee.id, platform: 'sandbox', method: 'test' });
    const res = await request.post(`/api/v1/exceptions/${await draft()}/withdraw`).set({ Authorization: `Bearer ${token}`, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(res.status).toBe(200);
  });
});
