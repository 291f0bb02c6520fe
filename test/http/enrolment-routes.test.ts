// GET/PATCH /api/v1/employees/:id/enrolment through the real HTTP stack with real sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { recordEnrolmentInTx } from '../../src/services/enrolment/record-enrolment-in-tx.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const now = new Date('2026-12-24T02:03:00.000Z');
const t = await createTestDb({ now: () => now });
const { request, auth } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
let hireId = '';

beforeAll(async () => {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员' });
  const staff = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工' });
  for (const [key, p] of Object.entries({ hr, staff })) {
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}` };
  }
  const hire = await makeEmployee(t.deps, { name: '张三', startDate: '2026-11-20', department: '销售部' });
  hireId = hire.id;
  await t.db.$transaction((tx) => recordEnrolmentInTx(tx, { actor: hr.actor, employeeId: hire.id, enrolledOn: '2026-12-24', source: 'card', reason: '已增员（卡片）', now }));
});

describe('enrolment routes', () => {
  it('shows the enrolment to HR', async () => {
    const res = await request.get(`/api/v1/employees/${hireId}/enrolment`).set(headers.hr!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ employee: { name: '张三', department: '销售部', startDate: '2026-11-20' }, canEdit: true, today: '2026-12-24' });
    expect(res.body.enrolments.map((e: { label: string }) => e.label)).toEqual(['养老', '医疗', '失业', '工伤', '生育']);
  });

  it('lets HR correct the date and answers the updated view', async () => {
    const res = await request.patch(`/api/v1/employees/${hireId}/enrolment`).set(headers.hr!).send({ enrolledOn: '2026-12-21', reason: '实际已于 21 日办理' });
    expect(res.status).toBe(200);
    expect(res.body.enrolments.map((e: { enrolledOn: string }) => e.enrolledOn)).toEqual(Array(5).fill('2026-12-21'));
    expect(res.body.history[0]).toMatchObject({ reason: '更正增员日期：2026-12-24 → 2026-12-21（实际已于 21 日办理）', actorName: '李专员' });
  });

  it.each([
    ['a future date', { enrolledOn: '2026-12-25', reason: '测试原因' }, '增员日期不能晚于今天（2026-12-24）'],
    ['a date before the start date', { enrolledOn: '2026-11-01', reason: '测试原因' }, '增员日期不能早于入职日期（2026-11-20）'],
  ])('refuses %s with 400 and the Chinese reason', async (_label, body, message) => {
    const res = await request.patch(`/api/v1/employees/${hireId}/enrolment`).set(auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', message });
  });

  it('validates the body', async () => {
    const res = await request.patch(`/api/v1/employees/${hireId}/enrolment`).set(auth).send({ enrolledOn: '2026-02-30', reason: '' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['enrolledOn', 'reason']);
  });

  it('refuses an employee (403 to change, 404 to read someone else) and the anonymous (401)', async () => {
    expect((await request.patch(`/api/v1/employees/${hireId}/enrolment`).set(headers.staff!).send({ enrolledOn: '2026-12-20', reason: '测试原因' })).status).toBe(403);
    expect((await request.get(`/api/v1/employees/${hireId}/enrolment`).set(headers.staff!)).status).toBe(404);
    expect((await request.get(`/api/v1/employees/${hireId}/enrolment`)).status).toBe(401);
    const rows = await t.db.enrolment.findMany({ where: { employeeId: hireId } });
    expect(rows.map((r) => r.enrolledOn.toISOString().slice(0, 10))).toEqual(Array(5).fill('2026-12-21'));
  });

  it('lets HR record an enrolment done outside the cards (source manual), which stops the alerts, once', async () => {
    const other = await makeEmployee(t.deps, { name: '李四', startDate: '2026-12-01' });
    await t.db.alert.create({ data: { kind: 'enrolment', stage: 'day23', uniqueKey: `enrolment:${other.id}:day23`, employeeId: other.id, dueOn: new Date('2026-12-24') } });
    const staffTry = await request.post(`/api/v1/employees/${other.id}/enrolment`).set(headers.staff!).send({ enrolledOn: '2026-12-10', reason: '线下已办' });
    expect(staffTry.status).toBe(403);
    const before = await request.post(`/api/v1/employees/${other.id}/enrolment`).set(headers.hr!).send({ enrolledOn: '2026-11-30', reason: '线下已办' });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toContain('不能早于入职日期');
    const res = await request.post(`/api/v1/employees/${other.id}/enrolment`).set(headers.hr!).send({ enrolledOn: '2026-12-10', reason: '线下已办' });
    expect(res.status).toBe(201);
    expect(res.body.enrolments.map((e: { source: string; enrolledOn: string }) => [e.source, e.enrolledOn])).toEqual(Array(5).fill(['manual', '2026-12-10']));
    expect((await t.db.alert.findFirstOrThrow({ where: { employeeId: other.id } })).state).not.toBe('OPEN');
    const again = await request.post(`/api/v1/employees/${other.id}/enrolment`).set(headers.hr!).send({ enrolledOn: '2026-12-10', reason: '线下已办' });
    expect(again.status).toBe(409);
  });
});
