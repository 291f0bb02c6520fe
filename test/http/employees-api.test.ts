import { describe, expect, it } from 'vitest';
import { validIdNumber, validMobile } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);

const newHire = (overrides: Record<string, unknown> = {}) => ({
  employeeNo: 'A1001',
  name: '王小明',
  mobile: '+86 139-0000-1111',
  idNumber: '11010519491231002x',
  startDate: '2026-11-02',
  department: '研发部',
  position: '后端工程师',
  insuredCity: '上海',
  contractEntity: '上海哨兵科技有限公司',
  monthlyWage: '18500.50',
  roles: ['EMPLOYEE'],
  identities: { sandbox: 'demo-a1001' },
  ...overrides,
});

describe('employees REST API', () => {
  it('creates an employee, normalizes input and masks personal data in the answer', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send(newHire());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      employeeNo: 'A1001', name: '王小明', mobile: '*******1111', idNumber: '**************002X',
      startDate: '2026-11-02', department: { name: '研发部' }, monthlyWage: '18500.50', status: 'ACTIVE', statusLabel: '在职',
      identities: [{ platform: 'sandbox', userId: 'demo-a1001' }],
    });
    const full = await request.get(`/api/v1/employees/${res.body.id}`).set(auth);
    expect(full.body).toMatchObject({ mobile: '13900001111', idNumber: '11010519491231002X', personalDataMasked: false });
  });

  it('rejects a wrong ID check digit with the field and a Chinese reason, creating nothing', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send(newHire({ employeeNo: 'A1002', idNumber: '110105194912310021' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toContainEqual({ path: 'idNumber', message: expect.stringContaining('校验位') });
    expect(await t.db.employee.count({ where: { employeeNo: 'A1002' } })).toBe(0);
  });

  it.each([
    ['an impossible date', { startDate: '2026-02-30' }, 'startDate'],
    ['a bad mobile', { mobile: '12345' }, 'mobile'],
    ['an unknown field', { nickname: '小王' }, ''],
    ['a negative wage', { monthlyWage: '-1' }, 'monthlyWage'],
    ['an unknown role', { roles: ['BOSS'] }, 'roles.0'],
  ])('rejects %s', async (_label, change, path) => {
    const res = await request.post('/api/v1/employees').set(auth).send(newHire({ employeeNo: 'A1003', ...change }));
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a second employee with the same ID number or mobile (found by keyed hash)', async () => {
    const dupId = await request.post('/api/v1/employees').set(auth).send(newHire({ employeeNo: 'A1004', mobile: validMobile(5), identities: undefined }));
    expect(dupId.status).toBe(409);
    expect(dupId.body.error.message).toContain('身份证号已被工号 A1001 使用');
    const dupMobile = await request.post('/api/v1/employees').set(auth).send(newHire({ employeeNo: 'A1005', idNumber: validIdNumber(77), identities: undefined }));
    expect(dupMobile.body.error.message).toContain('手机号已被工号 A1001 使用');
  });

  it('answers malformed JSON and an oversize body with the error shape', async () => {
    const bad = await request.post('/api/v1/employees').set(auth).set('Content-Type', 'application/json').send('{"name":');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    const huge = await request.post('/api/v1/employees').set(auth).send({ name: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('edits with optimistic locking: a stale version gets 409 and changes nothing', async () => {
    const list = await request.get('/api/v1/employees?q=A1001').set(auth);
    const { id, version } = list.body.items[0];
    const ok = await request.patch(`/api/v1/employees/${id}?expectedVersion=${version}`).set(auth).send({ position: '高级工程师' });
    expect(ok.status).toBe(200);
    const stale = await request.patch(`/api/v1/employees/${id}?expectedVersion=${version}`).set(auth).send({ position: '架构师' });
    expect(stale.status).toBe(409);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id } })).position).toBe('高级工程师');
  });

  it('answers an illegal lifecycle move with 409 and a message listing the allowed moves', async () => {
    const { id } = (await request.get('/api/v1/employees?q=A1001').set(auth)).body.items[0];
    const res = await request.post(`/api/v1/employees/${id}/status`).set(auth).send({ to: 'ONBOARDING', reason: '试一下' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'illegal_transition', message: expect.stringContaining('不能从「在职」变为「入职中」') });
    const ok = await request.post(`/api/v1/employees/${id}/status`).set(auth).send({ to: 'PENDING_EXIT', reason: '员工提出辞职' });
    expect(ok.body.status).toBe('PENDING_EXIT');
    const history = await request.get(`/api/v1/employees/${id}/status-history`).set(auth);
    expect(history.body.items.map((h: { label: string }) => h.label)).toEqual(['— → 在职', '在职 → 待离职']);
  });

  it('lists the audit log with filters, newest first, with actor snapshot and IP', async () => {
    const res = await request.get('/api/v1/audit-events?type=employee.status_changed').set(auth).set('User-Agent', 'audit-test');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      type: 'employee.status_changed',
      actor: { kind: 'admin', name: '管理员令牌', roles: ['ADMIN'] },
      data: { from: 'ACTIVE', to: 'PENDING_EXIT', reason: '员工提出辞职' },
      ip: expect.any(String),
    });
    const page = await request.get('/api/v1/audit-events?limit=1').set(auth);
    const next = await request.get(`/api/v1/audit-events?limit=1&before=${page.body.nextBefore}`).set(auth);
    expect(BigInt(next.body.items[0].seq)).toBeLessThan(BigInt(page.body.items[0].seq));
    expect((await request.get('/api/v1/audit-events?limit=9999').set(auth)).status).toBe(400);
  });

  it('rejects a forged bearer token and an unknown path with the error shape', async () => {
    const forged = await request.get('/api/v1/employees').set('Authorization', 'Bearer not-the-token');
    expect(forged.status).toBe(401);
    const missing = await request.get('/api/v1/nope').set(auth);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('publishes an OpenAPI document generated from the same schemas', async () => {
    const res = await request.get('/api/v1/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    const create = res.body.paths['/employees'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['employeeNo', 'name', 'startDate', 'department']));
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/employees/{id}/status', '/audit-events', '/h5/me']));
  });
});

describe('health', () => {
  it('answers /healthz and /readyz with the database and migrations state', async () => {
    expect((await request.get('/healthz')).status).toBe(200);
    const ready = await request.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: 'ok', pendingMigrations: [], platforms: [{ name: 'sandbox', state: 'active' }] });
  });
});
