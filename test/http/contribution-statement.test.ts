// The employee's statement (《社会保险法》第六十条), HR's view of anyone's, and the
// enrolment-timeliness KPI, through the real HTTP stack with a fixed clock.
import { beforeAll, describe, expect, it } from 'vitest';
import { importContributions } from '../../src/services/contributions/import-contributions.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-03-15T02:00:00Z') });
const { request, auth } = createTestApp(t);
type Who = 'me' | 'colleague' | 'finance';
const headers = {} as Record<Who, Record<string, string>>;
const ids = {} as Record<Who, string>;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

beforeAll(async () => {
  for (const [key, roles, employeeNo] of [['me', ['EMPLOYEE'], 'S001'], ['colleague', ['EMPLOYEE'], 'S002'], ['finance', ['FINANCE'], 'S003']] as const) {
    const { employee } = await makeActor(t.deps, [...roles], { employeeNo });
    const { token } = await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' });
    headers[key] = { Authorization: `Bearer ${token}` };
    ids[key] = employee.id;
  }
  const rows = [
    ['工号', '所属期', '险种', '缴费基数', '单位缴纳', '个人缴纳', '参保城市'],
    ['S001', '2026-01', '医疗', '10000', '900', '200', '上海'],
    ['S001', '2026-01', '养老', '10000', '1600', '800', '上海'],
    ['S001', '2026-02', '养老', '10000', '1600', '800', '上海'],
    ['S001', '2024-12', '养老', '9000', '1440', '720', '上海'],
    ['S002', '2026-02', '养老', '20000', '3200', '1600', '上海'],
  ];
  await importContributions(t.deps, { actor: testAdmin, fileName: 'c.csv', buffer: csv(rows) });
});

describe('GET /api/v1/h5/statement', () => {
  it('gives the signed-in employee their own months, newest first, with shares and totals', async () => {
    const res = await request.get('/api/v1/h5/statement?months=12').set(headers.me);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ employee: { employeeNo: 'S001' }, from: '2025-04', to: '2026-03', basis: expect.stringMatching(/第六十条/) });
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-02', '2026-01']);
    const january = res.body.months[1];
    expect(january.lines.map((l: { label: string }) => l.label)).toEqual(['养老', '医疗']);
    expect(january.lines[0]).toMatchObject({ insuranceType: 'PENSION', base: { fen: 1_000_000, text: '¥10,000.00' }, employer: { fen: 160_000, text: '¥1,600.00' }, employee: { fen: 80_000 }, total: { fen: 240_000, text: '¥2,400.00' } });
    expect(january).toMatchObject({ employer: { fen: 250_000 }, employee: { fen: 100_000 }, total: { text: '¥3,500.00' } });
    expect(res.body.totals).toEqual({ employer: { fen: 410_000, text: '¥4,100.00' }, employee: { fen: 180_000, text: '¥1,800.00' }, total: { fen: 590_000, text: '¥5,900.00' } });
  });

  it('reaches further back when asked for more months', async () => {
    const res = await request.get('/api/v1/h5/statement?months=24').set(headers.me);
    expect(res.body.months.map((m: { month: string }) => m.month)).toEqual(['2026-02', '2026-01', '2024-12']);
  });

  it('is refused to the admin token, which is nobody\'s statement', async () => {
    expect((await request.get('/api/v1/h5/statement').set(auth)).status).toBe(403);
  });
});

describe('GET /api/v1/employees/:id/contributions', () => {
  it('lets finance read anyone', async () => {
    const res = await request.get(`/api/v1/employees/${ids.colleague}/contributions`).set(headers.finance);
    expect(res.status).toBe(200);
    expect(res.body.totals.total.fen).toBe(480_000);
  });

  it('lets an employee read only their own', async () => {
    expect((await request.get(`/api/v1/employees/${ids.me}/contributions`).set(headers.me)).status).toBe(200);
    expect((await request.get(`/api/v1/employees/${ids.colleague}/contributions`).set(headers.me)).status).toBe(403);
  });
});

describe('GET /api/v1/kpi/enrolment-timeliness', () => {
  beforeAll(async () => {
    const hire = (department: string, startDate: string, enrolledOn?: string) => makeEmployee(t.deps, { department, startDate, enrolledOn });
    await hire('KPI甲', '2026-01-05', '2026-02-04'); // day 30: on time
    await hire('KPI甲', '2026-01-10', '2026-02-10'); // day 31: late
    await hire('KPI甲', '2026-01-20'); // never enrolled
    const viaEnrolment = await hire('KPI甲', '2026-01-06', '2026-03-01'); // roster says late, the Enrolment says on time
    await t.db.enrolment.create({ data: { employeeId: viaEnrolment.id, insuranceType: 'PENSION', enrolledOn: new Date('2026-01-20'), source: 'manual' } });
    await hire('KPI乙', '2026-02-27', '2026-03-10');
    await hire('KPI乙', '2026-04-01', '2026-04-02'); // outside the range
    await hire('KPI丙', '2026-09-01', '2026-10-08'); // day 30 is 国庆 (10-01): the legal deadline is 10-08, on time
    await hire('KPI丙', '2026-09-01', '2026-10-09'); // late
  });

  it('counts against the legal deadline, rolled forward over 国庆', async () => {
    const res = await request.get('/api/v1/kpi/enrolment-timeliness?from=2026-09&to=2026-09').set(headers.finance);
    expect(res.body.rows.filter((r: { department: string }) => r.department === 'KPI丙')).toEqual([
      { month: '2026-09', department: 'KPI丙', hires: 2, enrolledWithin30Days: 1, share: 0.5 },
    ]);
  });

  it('counts hires and those enrolled within 30 days per month and department', async () => {
    const res = await request.get('/api/v1/kpi/enrolment-timeliness?from=2026-01&to=2026-02').set(headers.finance);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const kpi = res.body.rows.filter((r: { department: string }) => r.department.startsWith('KPI'));
    expect(kpi).toEqual([
      { month: '2026-01', department: 'KPI甲', hires: 4, enrolledWithin30Days: 2, share: 0.5 },
      { month: '2026-02', department: 'KPI乙', hires: 1, enrolledWithin30Days: 1, share: 1 },
    ]);
  });

  it('refuses employees and rejects a malformed month', async () => {
    expect((await request.get('/api/v1/kpi/enrolment-timeliness?from=2026-01&to=2026-02').set(headers.me)).status).toBe(403);
    expect((await request.get('/api/v1/kpi/enrolment-timeliness?from=2026-1&to=2026-02').set(auth)).status).toBe(400);
    expect((await request.get('/api/v1/kpi/enrolment-timeliness?from=2026-03&to=2026-02').set(auth)).status).toBe(400);
  });
});
