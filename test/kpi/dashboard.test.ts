// The dashboard API against a hand-built roster (dashboard-kit.ts), today 2026-12-07: each figure
// below is worked out by hand from the hires listed in the kit.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/domain/kpi/dashboard-types.ts';
import { backPay } from '../../src/domain/money/back-pay.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { nationalDefaultPeriod, TEST_CITY } from '../helpers/national-default-policy.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedKpiRoster } from './dashboard-kit.ts';

const t = await createTestDb({ now: () => new Date('2026-12-07T02:00:00Z') });
const { request } = createTestApp(t);
type Who = 'manager' | 'specialist' | 'finance' | 'employee' | 'lineManager';
const headers = {} as Record<Who, Record<string, string>>;
let ids: Awaited<ReturnType<typeof seedKpiRoster>>;

beforeAll(async () => {
  const roles = { manager: 'HR_MANAGER', specialist: 'HR_SPECIALIST', finance: 'FINANCE', employee: 'EMPLOYEE', lineManager: 'MANAGER' } as const;
  for (const [who, role] of Object.entries(roles) as [Who, (typeof roles)[Who]][]) {
    const { employee } = await makeActor(t.deps, [role], { department: '人事部', startDate: '2020-01-02', enrolledOn: '2020-01-02' });
    headers[who] = { Authorization: `Bearer ${(await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' })).token}` };
  }
  ids = await seedKpiRoster(t);
});

const dashboard = async (who: Who, query: string): Promise<Dashboard> => {
  const res = await request.get(`/api/v1/dashboard?${query}`).set(headers[who]);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dashboard;
};
const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key);

describe('GET /api/v1/dashboard', () => {
  it('gives November for the group with its sub-departments, and the change from October', async () => {
    const d = await dashboard('manager', `month=2026-11&departmentId=${ids.group.id}`);
    expect(d).toMatchObject({ month: '2026-11', previousMonth: '2026-10', snapshotDay: '2026-11-30', department: { id: ids.group.id, name: '集团' } });
    // Deadlines in November: A, B, C, E, F; on time A, E. October: J, on time.
    expect(figure(d, 'timeliness')).toMatchObject({ value: 40, previous: 100, change: -60 });
    // Enrolled November cohort: A 31, B 31, E 6 days → 22.7; October: J 29.
    expect(figure(d, 'avgDaysToEnrol')).toMatchObject({ value: 22.7, previous: 29, change: -6.3 });
    // 11-30: A B C D E G H I J employed (F left 11-10), A B E G H J covered; 10-31: A B C E F G H I J, E G H J covered.
    expect(figure(d, 'coverage')).toMatchObject({ value: 66.7, previous: 44.4, change: 22.3, link: '/app/exceptions/queue' });
    expect(d.alertsByStage).toEqual({ day23: 1, day28: 1, overdue: 1 });
    expect(figure(d, 'openAlerts')).toMatchObject({ value: 3, previous: 0, link: '/app/enrolment/pending' });
    expect(figure(d, 'exceptionsOpen')).toMatchObject({ value: 1, previous: 0 });
    expect(figure(d, 'reverifyDue')).toMatchObject({ value: 1, previous: 0 });
    expect(figure(d, 'absencesOpen')).toMatchObject({ value: 1, link: '/app/absences' });
    expect(figure(d, 'exitsOpen')).toMatchObject({ value: 1, link: '/app/exits' });
    expect(figure(d, 'exitTasksOverdue')).toMatchObject({ value: 1 });
    expect(d.reconciliationByKind).toEqual([{ kind: 'active_not_insured', label: '在职未参保', total: 2, open: 1 }]);
    // Back-pay in November: A and B (October paid late); this year also J (September, paid in October).
    const priced = backPay({ city: TEST_CITY, periods: [nationalDefaultPeriod()], wageFen: 1_000_000, from: '2026-10', to: '2026-10', payOn: '2026-11-02' }).totals.grandTotalFen;
    expect(priced).toBeGreaterThan(342_000);
    expect(d.backPay).toMatchObject({ events: 2, months: 2, eventsThisYear: 3, amountFen: priced, unpriced: 1 });
    expect(d.departments.find((r) => r.name === '销售部')?.backPayFen).toBe(priced);
  });

  it('splits the figures per department, a sub-department counted in its parent, and the totals are their sums', async () => {
    const d = await dashboard('manager', `month=2026-11&departmentId=${ids.group.id}`);
    const row = (name: string) => d.departments.find((r) => r.name === name);
    expect(d.departments.map((r) => r.name).sort()).toEqual(['技术部', '销售部', '集团'].sort());
    expect(row('销售部')).toMatchObject({ own: false, deadlineHires: 3, enrolledOnTime: 1, timelinessPct: 33.3, activeEmployees: 2, coveredEmployees: 2, coveragePct: 100, openAlerts: 1, exitsOpen: 1, exitTasksOverdue: 1, backPayEvents: 2 });
    expect(row('技术部')).toMatchObject({ deadlineHires: 2, enrolledOnTime: 1, timelinessPct: 50, activeEmployees: 6, coveredEmployees: 3, coveragePct: 50, openAlerts: 2, exceptionsOpen: 1, absencesOpen: 1 });
    expect(row('集团')).toMatchObject({ own: true, activeEmployees: 1, coveredEmployees: 1, deadlineHires: 0, timelinessPct: null });
    const sub = await dashboard('manager', `month=2026-11&departmentId=${ids.sales.id}`);
    expect(figure(sub, 'timeliness')).toMatchObject({ value: 33.3 });
    expect(sub.departments.map((r) => r.name).sort()).toEqual(['华东组', '销售部'].sort());
  });

  it('counts a deadline on the 1st in its own month, and only deadlines already passed in the current month', async () => {
    const d = await dashboard('manager', `month=2026-12&departmentId=${ids.group.id}`);
    // D: deadline 12-01, enrolled 12-01 → on time; it is December's only deadline so far.
    expect(d.snapshotDay).toBe('2026-12-07');
    expect(figure(d, 'timeliness')).toMatchObject({ value: 100, previous: 40 });
    expect(d.backPay).toMatchObject({ events: 1, eventsThisYear: 4 });
  });

  it('gives a 12-month trend of timeliness and coverage', async () => {
    const d = await dashboard('specialist', `month=2026-11&departmentId=${ids.group.id}`);
    expect(d.trend.map((p) => p.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(d.trend.at(-1)).toMatchObject({ timelinessPct: 40, coveragePct: 66.7, deadlineHires: 5, enrolledOnTime: 2 });
    expect(d.trend.at(-2)).toMatchObject({ timelinessPct: 100, coveragePct: 44.4 });
    // 09-30: G H I J employed, G H covered.
    expect(d.trend.at(-3)).toMatchObject({ timelinessPct: null, coveragePct: 50 });
  });

  it('scores under the company rules: 2 points per 1 % of timeliness, 5 per back-pay, 1 per 1 % of coverage', async () => {
    const d = await dashboard('manager', `month=2026-11&departmentId=${ids.sales.id}`);
    // 销售部: 33.3 % → 66.7 × 2 = 133.4; back-pay A, B → 10; coverage 100 %.
    expect(d.score.deductions.map((x) => [x.rule, x.points])).toEqual([['timeliness', 133.4], ['backPay', 10]]);
    expect(d.score.score).toBe(0);
  });

  it('shows amounts to HR managers and finance only', async () => {
    expect((await dashboard('finance', 'month=2026-11')).backPay.amountFen).toBeGreaterThan(342_000);
    const specialist = await dashboard('specialist', 'month=2026-11');
    expect(specialist).toMatchObject({ amountsVisible: false, backPay: { amountFen: null, amountText: null } });
    expect(specialist.departments.every((r) => r.backPayFen === null)).toBe(true);
  });

  it('refuses roles without the dashboard, with a Chinese reason', async () => {
    for (const who of ['employee', 'lineManager'] as const) {
      const res = await request.get('/api/v1/dashboard?month=2026-11').set(headers[who]);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/不能查看合规指标/);
    }
  });

  it('rejects a malformed or future month and an unknown department', async () => {
    for (const q of ['month=2026-13', 'month=2026-1', 'month=', 'month=2026-11&departmentId=abc', 'month=2026-11&x=1']) {
      const res = await request.get(`/api/v1/dashboard?${q}`).set(headers.manager);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect((await dashboard('manager', '')).month).toBe('2026-12');
    const future = await request.get('/api/v1/dashboard?month=2027-01').set(headers.manager);
    expect([future.status, future.body.error.message]).toEqual([400, expect.stringContaining('还没有到')]);
    const unknown = await request.get('/api/v1/dashboard?month=2026-11&departmentId=00000000-0000-4000-8000-000000000000').set(headers.manager);
    expect(unknown.status).toBe(404);
  });
});

describe('/api/v1/settings/kpi-scoring', () => {
  it('ships the defaults and lets an HR manager change them, which changes the score', async () => {
    expect((await request.get('/api/v1/settings/kpi-scoring').set(headers.specialist)).body).toMatchObject({ timelinessPointsPerPct: 2, backPayPointsEach: 5, complaintPointsEach: 3, coveragePointsPerPct: 1, timelinessTargetPct: 100, backPayTargetPerYear: 0 });
    const res = await request.put('/api/v1/settings/kpi-scoring').set(headers.manager).send({ timelinessPointsPerPct: 0, backPayTargetPerYear: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = await dashboard('manager', `month=2026-11&departmentId=${ids.sales.id}`);
    expect(d.score).toMatchObject({ score: 100, deductions: [] });
    expect(await t.db.auditEvent.count({ where: { type: 'kpi.scoring_changed' } })).toBe(1);
    await request.put('/api/v1/settings/kpi-scoring').set(headers.manager).send({ timelinessPointsPerPct: 2, backPayTargetPerYear: 0 });
  });

  it('refuses a specialist and bad values, changing nothing', async () => {
    expect((await request.put('/api/v1/settings/kpi-scoring').set(headers.specialist).send({ backPayPointsEach: 1 })).status).toBe(403);
    for (const body of [{ backPayPointsEach: -1 }, { coverageTargetPct: 120 }, { backPayTargetPerYear: 1.5 }, { unknownRule: 1 }, { fullScore: '100' }]) {
      const res = await request.put('/api/v1/settings/kpi-scoring').set(headers.manager).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    }
    expect((await request.get('/api/v1/settings/kpi-scoring').set(headers.manager)).body).toMatchObject({ backPayPointsEach: 5, coverageTargetPct: 100 });
  });
});
