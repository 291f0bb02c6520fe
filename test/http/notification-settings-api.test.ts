// GET/PUT /api/v1/settings/notifications: HR reads, HR managers write, bad input is a Chinese 400
// naming the field and changes nothing, each change is one audit event.
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationSettingsView } from '../../src/domain/views/notifications.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const { request } = createTestApp(t);
type Who = 'manager' | 'specialist' | 'employee' | 'finance';
const headers = {} as Record<Who, Record<string, string>>;
const path = '/api/v1/settings/notifications';

beforeAll(async () => {
  const roles = { manager: 'HR_MANAGER', specialist: 'HR_SPECIALIST', employee: 'EMPLOYEE', finance: 'FINANCE' } as const;
  for (const [who, role] of Object.entries(roles) as [Who, (typeof roles)[Who]][]) {
    const { employee } = await makeActor(t.deps, [role], { startDate: '2020-01-02', enrolledOn: '2020-01-02' });
    headers[who] = { Authorization: `Bearer ${(await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' })).token}` };
  }
});

const read = async (who: Who): Promise<NotificationSettingsView> => {
  const res = await request.get(path).set(headers[who]);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as NotificationSettingsView;
};

describe('/api/v1/settings/notifications', () => {
  it('shows every alert kind in Chinese with today\'s defaults, the legal deadlines and quiet hours off', async () => {
    const s = await read('specialist');
    expect(s.kinds.map((k) => k.label)).toEqual(['增员到期预警', '缺勤预警', '例外复核', '离职待办', '转移接续', '对账任务', '员工咨询', '审批超时', '月报']);
    expect(s.kinds[0]).toMatchObject({ kind: 'enrolment', audience: { hrSpecialists: true, hrManagers: false, employeeManager: false, groupChatId: null } });
    expect(s.kinds[0]?.legalDeadline).toContain('《社会保险法》第五十八条');
    expect(s.kinds[1]?.audience.employeeManager).toBe(true);
    expect(s.quietHours).toEqual({ enabled: false, start: '22:00', end: '08:00' });
    expect(s.canEdit).toBe(false);
    expect((await read('manager')).canEdit).toBe(true);
  });

  it('lets an HR manager change one kind and the quiet hours, keeping the rest, with one audit event each', async () => {
    const res = await request.put(path).set(headers.manager).send({
      kinds: { approvalSla: { hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: 'wrkSFfCgAAxxxx' } },
      quietHours: { enabled: true, start: '22:30', end: '07:30' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const s = await read('specialist');
    expect(s.kinds.find((k) => k.kind === 'approvalSla')?.audience).toEqual({ hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: 'wrkSFfCgAAxxxx' });
    expect(s.kinds.find((k) => k.kind === 'enrolment')?.audience.hrSpecialists).toBe(true);
    expect(s.quietHours).toEqual({ enabled: true, start: '22:30', end: '07:30' });
    expect(await t.db.auditEvent.count({ where: { type: 'notifications.preferences_changed' } })).toBe(1);
  });

  it('refuses roles other than HR managers and admins, in Chinese', async () => {
    for (const who of ['specialist', 'employee', 'finance'] as const) {
      const res = await request.put(path).set(headers[who]).send({ quietHours: { enabled: false, start: '22:00', end: '08:00' } });
      expect(res.status, who).toBe(403);
      expect(res.body.error.message).toMatch(/不能修改通知设置/);
    }
    expect((await request.get(path).set(headers.employee)).status).toBe(403);
  });

  it('rejects bad input with a Chinese message naming the field, changing nothing', async () => {
    const before = await t.db.appMeta.findUnique({ where: { key: 'notifications.preferences' } });
    const cases: [unknown, RegExp][] = [
      [{ quietHours: { enabled: true, start: '25:00', end: '08:00' } }, /免打扰开始时间/],
      [{ quietHours: { enabled: true, start: '22:00', end: '22:00' } }, /免打扰结束时间/],
      [{ kinds: { enrolment: { hrSpecialists: 'yes', hrManagers: true, employeeManager: false, groupChatId: null } } }, /增员到期预警.*人事专员/],
      [{ kinds: { absence: { hrSpecialists: true, hrManagers: true, employeeManager: false, groupChatId: '<script>' } } }, /缺勤预警.*群聊/],
      [{ kinds: { transfer: { hrSpecialists: true } } }, /转移接续/],
      [{ kinds: { lunch: {} } }, /不认识/],
      [{ volume: 3 }, /不认识/],
    ];
    for (const [body, message] of cases) {
      const res = await request.put(path).set(headers.manager).send(body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message, JSON.stringify(body)).toMatch(message);
      expect(res.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect(await t.db.appMeta.findUnique({ where: { key: 'notifications.preferences' } })).toEqual(before);
  });
});
