// The monthly report (issue 18 item 3) on the KPI kit's roster (dashboard-kit.ts), on 2027-01-01:
// `job run monthly-report --as-of 2027-01-01` reports December 2026 to each HR manager once, with
// the dashboard API's own figures; the Excel download holds the same numbers as numbers and dates;
// complaints now take points from the KPI score.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMonthlyReportCard } from '../../cards/monthly-report-card.ts';
import type { CardModel } from '../../cards/card-model.ts';
import type { Dashboard } from '../../src/domain/kpi/dashboard-types.ts';
import { MONTHLY_REPORT_SHEETS } from '../../src/documents/kpi/monthly-report-workbook.ts';
import { monthlyReport } from '../../src/jobs/definitions/monthly-report.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { countComplaints } from '../../src/services/questions/count-complaints.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedKpiRoster } from './dashboard-kit.ts';
import { withAlertAudience } from '../helpers/alert-audience.ts';

// 2027-01-01 10:00 in Shanghai.
const t = await createTestDb({ now: () => new Date('2027-01-01T02:00:00Z') });
const { request } = createTestApp(t);
const { deps, outbox } = withRecordingOutbox(t.deps);
const log = createLogger('silent');
type Who = 'manager' | 'manager2' | 'specialist' | 'employee';
const headers = {} as Record<Who, Record<string, string>>;
let ids: Awaited<ReturnType<typeof seedKpiRoster>>;

const binary = (path: string, who: Who) =>
  request.get(path).set(headers[who]).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
const dashboard = async (month: string, who: Who = 'manager'): Promise<Dashboard> => {
  const res = await request.get(`/api/v1/dashboard?month=${month}`).set(headers[who]);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Dashboard;
};
const readWorkbook = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Uint8Array.from(bytes).buffer);
  return wb;
};
const figure = (d: Dashboard, key: string) => d.figures.find((f) => f.key === key);

beforeAll(async () => {
  const roles = { manager: ['HR_MANAGER'], manager2: ['HR_MANAGER'], specialist: ['HR_SPECIALIST'], employee: ['EMPLOYEE'] } as const;
  for (const [who, role] of Object.entries(roles) as [Who, (typeof roles)[Who]][]) {
    const { employee } = await makeActor(t.deps, [...role], { department: '人事部', startDate: '2020-01-02', enrolledOn: '2020-01-02', identities: { sandbox: who } });
    headers[who] = { Authorization: `Bearer ${(await createSession(t.deps, { employeeId: employee.id, platform: 'sandbox', method: 'test' })).token}` };
  }
  ids = await seedKpiRoster(t);
  // Complaints: two in December in 技术部, one in November in 销售部 (Shanghai months: 12-01 00:30 is December).
  const complaint = (departmentId: string, createdAt: string) =>
    t.db.employeeQuestion.create({ data: { employeeId: ids.a.id, departmentId, kind: 'COMPLAINT', text: '我的社保怎么没交？', channel: 'h5', dueOn: new Date('2027-01-05'), createdAt: new Date(createdAt) } });
  await complaint(ids.tech.id, '2026-11-30T16:30:00Z');
  await complaint(ids.tech.id, '2026-12-20T02:00:00Z');
  await complaint(ids.sales.id, '2026-11-10T02:00:00Z');
  // A question is not a complaint.
  await t.db.employeeQuestion.create({ data: { employeeId: ids.a.id, departmentId: ids.tech.id, kind: 'QUESTION', text: '怎么查缴费？', channel: 'h5', dueOn: new Date('2027-01-05'), createdAt: new Date('2026-12-02T02:00:00Z') } });
});

describe('complaints in the KPI score', () => {
  it('counts the month\'s complaints per department and takes 3 points each', async () => {
    const d = await dashboard('2026-12');
    expect(figure(d, 'complaints')).toMatchObject({ value: 2, previous: 1, change: 1, link: '/app/questions' });
    expect(figure(d, 'complaints')?.value).toBe(await countComplaints(t.deps, { month: '2026-12' }));
    expect(d.score.deductions.find((x) => x.rule === 'complaints')).toMatchObject({ points: 6, reason: expect.stringContaining('本月 2 次') });
    const group = await dashboard(`2026-12&departmentId=${ids.group.id}`);
    const row = (name: string) => group.departments.find((r) => r.name === name);
    expect([row('技术部')?.complaints, row('销售部')?.complaints]).toEqual([2, 0]);
    // 技术部's own score takes the 6 points; 销售部's does not.
    const tech = await dashboard(`2026-12&departmentId=${ids.tech.id}`);
    expect(tech.score.deductions.map((x) => [x.rule, x.points])).toContainEqual(['complaints', 6]);
    expect((await dashboard(`2026-12&departmentId=${ids.sales.id}`)).score.deductions.map((x) => x.rule)).not.toContain('complaints');
  });
});

describe('job monthly-report', () => {
  it('sends each HR manager one card for December with the dashboard\'s figures, and a rerun sends none', async () => {
    const summary = await runJob(deps, monthlyReport, { asOf: '2027-01-01', trigger: 'cli', log });
    expect(summary).toBe('monthly report 2026-12: 2 card(s) queued for 2 HR manager(s)');
    const cards = outbox.messages.filter((m) => m.payload.kind === 'card');
    expect(cards.map((m) => m.recipients).sort()).toEqual([['manager'], ['manager2']]);
    const card = (cards[0]?.payload as { card: CardModel }).card;
    const [december, november] = [await dashboard('2026-12'), await dashboard('2026-11')];
    const expected = buildMonthlyReportCard({ key: card.key, report: december, previousScore: november.score.score, showAmount: true, h5Url: 'http://localhost:3000/app/dashboard?month=2026-12' });
    expect(card).toEqual(expected);
    expect(card.title).toBe('社保合规月报 · 2026年12月');
    // D's deadline fell on 12-01 and was met: December's only deadline hire.
    expect(card.rows[0]).toEqual({ label: '增员及时率', value: '100%（上月 40%，+60）' });
    expect(card.rows[5]?.value).toContain('投诉 2 次（+1）');
    expect(card.rows[4]?.value).toContain(december.backPay.amountText as string);

    const again = await runJob(deps, monthlyReport, { asOf: '2027-01-01', trigger: 'cli', log });
    expect(again).toBe('monthly report 2026-12: 0 card(s) queued for 2 HR manager(s)');
    expect(outbox.messages.length).toBe(cards.length);
    expect(await t.db.cardInstance.count({ where: { type: 'kpi.monthly_report' } })).toBe(2);
  });
});

describe('two instances at once', () => {
  it('send each manager one card between them', async () => {
    const before = outbox.messages.length;
    const runs = await Promise.all([1, 2].map(() => runJob(deps, monthlyReport, { asOf: '2027-02-01', trigger: 'cli', log })));
    expect(runs.map((r) => r?.match(/: (\d) card/)?.[1]).map(Number).reduce((a, b) => a + b, 0)).toBe(2);
    expect(outbox.messages.slice(before).map((m) => m.recipients).sort()).toEqual([['manager'], ['manager2']]);
  });
});

describe('GET /api/v1/dashboard/report.xlsx', () => {
  it('gives the month\'s workbook: one sheet per area, numbers, percentages and dates equal to the dashboard', async () => {
    const res = await binary('/api/v1/dashboard/report.xlsx?month=2026-12', 'manager');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('社保合规月报-2026-12.xlsx'));
    const wb = await readWorkbook(res.body as Buffer);
    const d = await dashboard('2026-12');
    expect(wb.worksheets.map((w) => w.name)).toEqual([...MONTHLY_REPORT_SHEETS]);
    const overview = wb.getWorksheet('概览')!;
    expect(overview.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(overview.getCell('A1').value).toBe('指标');
    expect(overview.getCell('B2').value).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(overview.getCell('B3').value).toEqual(new Date('2026-12-31T00:00:00Z'));
    const rowOf = (ws: ExcelJS.Worksheet, label: string) => ws.getSheetValues().find((r) => Array.isArray(r) && r[1] === label) as ExcelJS.CellValue[];
    expect(rowOf(overview, '合规考核得分')[2]).toBe(d.score.score);
    const timeliness = overview.getRow(overview.getSheetValues().findIndex((r) => Array.isArray(r) && r[1] === '社保缴纳及时率'));
    expect(timeliness.getCell(2).value).toBe(1);
    expect(timeliness.getCell(3).value).toBe(0.4);
    expect(timeliness.getCell(2).numFmt).toBe('0.0%');
    expect(rowOf(overview, '员工社保缴纳率')[2]).toBeCloseTo((figure(d, 'coverage')?.value as number) / 100, 6);
    expect(rowOf(overview, '员工社保投诉')[2]).toBe(2);
    const trend = wb.getWorksheet('增员及时率')!;
    expect(trend.getCell('A13').value).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(trend.getCell('A13').numFmt).toBe('yyyy-mm');
    expect(trend.getCell('B13').value).toBe(d.trend.at(-1)?.deadlineHires);
    const backPay = wb.getWorksheet('补缴')!;
    expect(rowOf(backPay, '本月补缴次数')[2]).toBe(d.backPay.events);
    const amount = backPay.getRow(6);
    expect([amount.getCell(2).value, amount.getCell(2).numFmt]).toEqual([(d.backPay.amountFen as number) / 100, '#,##0.00']);
    const departments = wb.getWorksheet('部门')!;
    expect(departments.getRow(1).values).toContain('补缴金额（元）');
    expect(departments.rowCount - 1).toBe(d.departments.length);
    expect(rowOf(wb.getWorksheet('缺勤与离职')!, '未结旷工案件')[2]).toBe(figure(d, 'absencesOpen')?.value);
    expect(departments.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  it('leaves the amounts out for an HR specialist', async () => {
    const wb = await readWorkbook((await binary('/api/v1/dashboard/report.xlsx?month=2026-12', 'specialist')).body as Buffer);
    expect(wb.getWorksheet('补缴')!.rowCount).toBe(5);
    expect(wb.getWorksheet('部门')!.getRow(1).values).not.toContain('补缴金额（元）');
  });

  it('refuses other roles (403) and a bad or future month (400), in Chinese', async () => {
    const forbidden = await request.get('/api/v1/dashboard/report.xlsx?month=2026-12').set(headers.employee);
    expect([forbidden.status, forbidden.body.error.message]).toEqual([403, expect.stringMatching(/不能查看合规指标/)]);
    for (const q of ['month=2026-13', 'month=2026-1', '', 'month=2026-12&x=1']) {
      const res = await request.get(`/api/v1/dashboard/report.xlsx?${q}`).set(headers.manager);
      expect(res.status, q).toBe(400);
      expect(res.body.error.message).not.toMatch(/[A-Za-z]{4,}/);
    }
    const future = await request.get('/api/v1/dashboard/report.xlsx?month=2027-02').set(headers.manager);
    expect([future.status, future.body.error.message]).toEqual([400, expect.stringContaining('还没有到')]);
  });
});

describe('who receives the monthly report (通知设置 → 月报)', () => {
  it('reaches the specialists and the managers when HR ticks both, amounts only for the managers, and posts one copy without amounts to the group', async () => {
    await withAlertAudience(t.db, 'monthlyReport', { hrSpecialists: true, hrManagers: true, employeeManager: false, groupChatId: 'wrkSFfCgAAreport' }, async () => {
      const before = outbox.messages.length;
      expect(await runJob(deps, monthlyReport, { asOf: '2026-12-01', trigger: 'cli', log })).toBe('monthly report 2026-11: 3 card(s) queued for 3 HR manager(s)');
      const sent = outbox.messages.slice(before);
      const cardTo = (who: string) => (sent.find((m) => m.payload.kind === 'card' && m.recipients[0] === who)?.payload as { card: CardModel } | undefined)?.card;
      expect(sent.filter((m) => m.payload.kind === 'card').map((m) => m.recipients).sort()).toEqual([['manager'], ['manager2'], ['specialist']]);
      // The figures the job used (November, with October's score before it), with and without amounts.
      const [november, october] = [await dashboard('2026-11'), await dashboard('2026-10')];
      const expected = (showAmount: boolean, key: string) => buildMonthlyReportCard({ key, report: november, previousScore: october.score.score, showAmount, h5Url: 'http://localhost:3000/app/dashboard?month=2026-11' });
      expect(cardTo('manager')).toEqual(expected(true, cardTo('manager')!.key));
      expect(cardTo('specialist')).toEqual(expected(false, cardTo('specialist')!.key));
      const group = sent.filter((m) => m.payload.kind === 'group');
      expect(group).toHaveLength(1);
      expect(group[0]).toMatchObject({ recipients: [], dedupeKey: 'group:wrkSFfCgAAreport:mr-202611-group', payload: { chatId: 'wrkSFfCgAAreport', card: expected(false, 'mr-202611-group') } });
    });
  });
});
