// Every role against every employee endpoint, through the real HTTP stack with real sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee, validIdNumber } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);

type Caller = 'EMPLOYEE' | 'MANAGER' | 'HR_SPECIALIST' | 'HR_MANAGER' | 'FINANCE' | 'ADMIN' | 'adminToken' | 'anonymous';
const callers: Caller[] = ['EMPLOYEE', 'MANAGER', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN', 'adminToken', 'anonymous'];
const headers: Partial<Record<Caller, Record<string, string>>> = { adminToken: auth, anonymous: {} };
const ids: Record<string, string> = {};

beforeAll(async () => {
  const manager = await makeActor(t.deps, ['EMPLOYEE']);
  ids.report = (await makeEmployee(t.deps, { managerEmployeeNo: manager.employee.employeeNo })).id;
  ids.other = (await makeEmployee(t.deps, { idNumber: validIdNumber(4242) })).id;
  const people: Record<string, { employee: { id: string } }> = { MANAGER: manager };
  for (const role of ['EMPLOYEE', 'HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN'] as const) people[role] = await makeActor(t.deps, [role]);
  for (const [caller, p] of Object.entries(people)) {
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[caller as Caller] = { Authorization: `Bearer ${token}` };
    ids[`self:${caller}`] = p.employee.id;
  }
});

const HR = { HR_SPECIALIST: true, HR_MANAGER: true, ADMIN: true, adminToken: true } as Record<Caller, boolean>;
const code = (caller: Caller, ok: number, allowed: boolean, denied = 403) => (caller === 'anonymous' ? 401 : allowed ? ok : denied);

const cases: { name: string; call: (c: Caller) => ReturnType<typeof request.get>; expect: (c: Caller) => number }[] = [
  { name: 'GET /employees', call: (c) => request.get('/api/v1/employees').set(headers[c]!), expect: (c) => code(c, 200, c !== 'EMPLOYEE') },
  { name: 'GET /employees/:own id', call: (c) => request.get(`/api/v1/employees/${ids[`self:${c}`] ?? ids.other}`).set(headers[c]!), expect: (c) => code(c, 200, true) },
  { name: 'GET /employees/:report', call: (c) => request.get(`/api/v1/employees/${ids.report}`).set(headers[c]!), expect: (c) => code(c, 200, c !== 'EMPLOYEE', 404) },
  { name: 'GET /employees/:other', call: (c) => request.get(`/api/v1/employees/${ids.other}`).set(headers[c]!), expect: (c) => code(c, 200, c !== 'EMPLOYEE' && c !== 'MANAGER', 404) },
  { name: 'GET /employees/:other/status-history', call: (c) => request.get(`/api/v1/employees/${ids.other}/status-history`).set(headers[c]!), expect: (c) => code(c, 200, c !== 'EMPLOYEE' && c !== 'MANAGER', 404) },
  {
    name: 'POST /employees',
    call: (c) => request.post('/api/v1/employees').set(headers[c]!).send({ employeeNo: `P-${c}`, name: '权限测试', startDate: '2026-03-02', department: '测试部' }),
    expect: (c) => code(c, 201, HR[c] ?? false),
  },
  { name: 'PATCH /employees/:other', call: (c) => request.patch(`/api/v1/employees/${ids.other}`).set(headers[c]!).send({ position: `岗位-${c}` }), expect: (c) => code(c, 200, HR[c] ?? false) },
  {
    name: 'POST /employees/:id/status',
    call: (c) => request.post(`/api/v1/employees/${ids.report}/status`).set(headers[c]!).send({ to: 'ACTIVE', reason: '权限测试（同状态，幂等）' }),
    expect: (c) => code(c, 200, HR[c] ?? false),
  },
  { name: 'GET /audit-events', call: (c) => request.get('/api/v1/audit-events').set(headers[c]!), expect: (c) => code(c, 200, ['HR_MANAGER', 'ADMIN', 'adminToken'].includes(c)) },
];

describe.each(cases)('$name', ({ call, expect: expected }) => {
  it.each(callers)('answers %s as the permission table says', async (caller) => {
    const res = await call(caller);
    expect(res.status, JSON.stringify(res.body)).toBe(expected(caller));
    if (res.status >= 400) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('what each role sees', () => {
  it('shows a manager only their team in the list', async () => {
    const res = await request.get('/api/v1/employees').set(headers.MANAGER!);
    expect(res.body.items.map((e: { id: string }) => e.id).sort()).toEqual([ids['self:MANAGER'], ids.report].sort());
  });

  it('unmasks the ID number for HR (and audits the read) but not for finance', async () => {
    const before = await t.db.auditEvent.count({ where: { type: 'employee.personal_data_read', subjectId: ids.other } });
    const hr = await request.get(`/api/v1/employees/${ids.other}`).set(headers.HR_SPECIALIST!);
    expect(hr.body.idNumber).toBe(validIdNumber(4242));
    expect(await t.db.auditEvent.count({ where: { type: 'employee.personal_data_read', subjectId: ids.other } })).toBe(before + 1);
    const finance = await request.get(`/api/v1/employees/${ids.other}`).set(headers.FINANCE!);
    expect(finance.body.idNumber).toMatch(/^\*+\w{4}$/);
    expect(finance.body.personalDataMasked).toBe(true);
  });

  it('masks personal data in every list, even for HR', async () => {
    const res = await request.get('/api/v1/employees').set(headers.HR_MANAGER!);
    for (const e of res.body.items) if (e.idNumber) expect(e.idNumber).toMatch(/^\*{14}\w{4}$/);
  });
});
