// Refusals and validation errors a person reads: Chinese, naming who may do it or which field is
// wrong and what it expects; no role codes, permission codes, UUIDs or zod's English.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { expectReadableChinese } from '../helpers/readable-text.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request, auth } = createTestApp(t);
const employee: Record<string, string> = {};

beforeAll(async () => {
  const staff = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工' });
  const { token } = await createSession(t.deps, { employeeId: staff.employee.id, platform: 'sandbox', method: 'test' });
  employee.Authorization = `Bearer ${token}`;
});

describe('what a person reads when refused', () => {
  it('says in Chinese who can run exits, without the role or permission code', async () => {
    const res = await request.post('/api/v1/exits/mutual').set(employee).send({ employeeId: randomUUID(), exitDate: '2026-12-31', agreedOn: '2026-12-01', reason: '协商一致', proposedBy: 'employer' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('你（员工）不能办理离职流程；可以办理离职流程的是人事专员、人事经理、管理员，如需办理请联系他们。');
    expectReadableChinese(res.body.error.message);
  });

  it('names no UUID when an employee is not found', async () => {
    const res = await request.get(`/api/v1/employees/${randomUUID()}`).set(auth);
    expect(res.status).toBe(404);
    expectReadableChinese(res.body.error.message);
  });

  it('names the field in Chinese and what it expects, instead of zod English', async () => {
    const res = await request.post('/api/v1/employees').set(auth).send({ employeeNo: 7, name: '钱新人', startDate: '2026/03/02' });
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    expect(message).toContain('工号：应为文字');
    expect(message).toContain('入职日期');
    expect(message).toContain('部门：未填写');
    expectReadableChinese(message);
    expect(res.body.error.details).toContainEqual({ path: 'employeeNo', message: '应为文字' });
    expect(await t.db.employee.count({ where: { name: '钱新人' } })).toBe(0);
  });

  it('says a malformed id in a link is not a valid number, without the word UUID', async () => {
    const res = await request.get('/api/v1/exits/not-an-id').set(auth);
    expect(res.status).toBe(400);
    expectReadableChinese(res.body.error.message);
  });
});
