// GET /api/v1/enrolment/pending (HR's 待增员 list) through the real HTTP stack with real sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const now = new Date('2026-12-24T02:03:00.000Z'); // 10:03 in Shanghai
const t = await createTestDb({ now: () => now });
const { request, auth } = createTestApp(t);
const headers: Record<string, Record<string, string>> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  const enrolled = { enrolledOn: '2026-01-12' };
  const hrManager = await makeActor(t.deps, ['HR_MANAGER'], { name: '周经理', ...enrolled });
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', ...enrolled });
  const boss = await makeActor(t.deps, ['EMPLOYEE'], { name: '王主管', ...enrolled });
  const staff = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工', managerEmployeeNo: boss.employee.employeeNo, ...enrolled });
  for (const [key, p] of Object.entries({ hrManager, hr, boss, staff })) {
    const { token } = await createSession(t.deps, { employeeId: p.employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}` };
  }
  // Deliberately created out of deadline order, so the ordering comes from the server.
  ids.fresh = (await makeEmployee(t.deps, { name: '新员工', startDate: '2026-12-20' })).id;
  ids.overdue = (await makeEmployee(t.deps, { name: '逾期者', startDate: '2026-11-10', department: '销售部' })).id;
  ids.near = (await makeEmployee(t.deps, { name: '将到期', startDate: '2026-12-01' })).id;
  ids.longOverdue = (await makeEmployee(t.deps, { name: '久逾期', startDate: '2026-10-09' })).id;
  await makeEmployee(t.deps, { name: '未入职', startDate: '2026-12-28', status: 'ONBOARDING' });
  await makeEmployee(t.deps, { name: '老员工', startDate: '2025-03-03', enrolledOn: '2025-03-05' });
});

describe('GET /api/v1/enrolment/pending', () => {
  it('lists the hires not yet enrolled, the overdue first (most overdue on top), then by days left', async () => {
    const res = await request.get('/api/v1/enrolment/pending').set(headers.hr!);
    expect(res.status).toBe(200);
    expect(res.body.today).toBe('2026-12-24');
    expect(res.body.legalBasis).toContain('第五十八条');
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual(['久逾期', '逾期者', '将到期', '新员工']);
    expect(res.body.items[1]).toMatchObject({
      employeeId: ids.overdue, department: '销售部', statusLabel: '在职', startDate: '2026-11-10', clockStart: '2026-11-10',
      legalDeadline: '2026-12-10', daysLeft: -14, overdue: true,
    });
    expect(res.body.items[2]).toMatchObject({ employeeId: ids.near, legalDeadline: '2026-12-31', daysLeft: 7, overdue: false });
    // 2027-01-19 is start + 30 days, a Tuesday (民法典 第二百零一条: the start day is not counted).
    expect(res.body.items[3]).toMatchObject({ employeeId: ids.fresh, legalDeadline: '2027-01-19', daysLeft: 26 });
  });

  it('drops a hire from the list once HR records the enrolment', async () => {
    const done = await request.post(`/api/v1/employees/${ids.near}/enrolment`).set(headers.hr!).send({ enrolledOn: '2026-12-22', reason: '已在社保系统办理' });
    expect(done.status).toBe(201);
    const res = await request.get('/api/v1/enrolment/pending').set(headers.hrManager!);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { name: string }) => i.name)).toEqual(['久逾期', '逾期者', '新员工']);
  });

  it('answers the admin token too', async () => {
    expect((await request.get('/api/v1/enrolment/pending').set(auth)).status).toBe(200);
  });

  it('refuses a manager and an employee with a Chinese 403, and the anonymous with 401', async () => {
    for (const who of ['boss', 'staff']) {
      const res = await request.get('/api/v1/enrolment/pending').set(headers[who]!);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await request.get('/api/v1/enrolment/pending')).status).toBe(401);
  });
});
