// The statutory calendar through the real HTTP stack: company days move attendance only, a
// statutory day moves legal deadlines, a year without the State Council notice carries the caveat,
// and importing a notice shows what moves before it applies it in one transaction.
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-07T02:00:00.000Z') });
const { request, auth } = createTestApp(t);
const notice = (name: string) => readFileSync(`test/fixtures/holiday-notice-${name}.txt`, 'utf8');
let staff: Record<string, string> = {};
const hires: Record<string, string> = {};

beforeAll(async () => {
  const s = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工', enrolledOn: '2026-01-05' });
  const { token } = await createSession(t.deps, { employeeId: s.employee.id, platform: 'sandbox', method: 'test' });
  staff = { Authorization: `Bearer ${token}` };
  for (const [key, startDate] of Object.entries({ dec1: '2026-12-01', dec2: '2026-12-02', jan8: '2027-01-08' })) {
    hires[key] = (await makeEmployee(t.deps, { name: `新员工${key}`, startDate, status: key === 'jan8' ? 'ONBOARDING' : 'ACTIVE' })).id;
  }
});

beforeEach(async () => {
  await t.db.workCalendarOverride.deleteMany();
  await t.db.holidayNotice.deleteMany();
});

const deadlineOf = async (key: string) => (await request.get(`/api/v1/employees/${hires[key]}/enrolment`).set(auth)).body.deadline;

describe('calendar days by kind', () => {
  it('leaves the legal deadline on 12-31 for a company closure that day, but moves it for a statutory one', async () => {
    const closure = await request.put('/api/v1/calendar/overrides/2026-12-31').set(auth).send({ isWorkday: false, reason: '园区停电，全员放假' });
    expect(closure.status, JSON.stringify(closure.body)).toBe(200);
    expect(closure.body).toMatchObject({ kind: 'company' });
    expect((await deadlineOf('dec1')).legalDeadline).toBe('2026-12-31');
    const statutory = await request.put('/api/v1/calendar/overrides/2026-12-31').set(auth).send({ isWorkday: false, reason: '国务院调休更正', kind: 'statutory' });
    expect(statutory.status).toBe(200);
    expect((await deadlineOf('dec1')).legalDeadline).toBe('2027-01-04');
    const year = await request.get('/api/v1/calendar/overrides?year=2026').set(auth);
    expect(year.body.overrides.map((o: { kind: string }) => o.kind).sort()).toEqual(['company', 'statutory']);
    const removed = await request.delete('/api/v1/calendar/overrides/2026-12-31?reason=更正撤回&kind=statutory').set(auth);
    expect(removed.status).toBe(204);
    expect((await deadlineOf('dec1')).legalDeadline).toBe('2026-12-31');
  });

  it('keeps 元旦 2027 a holiday without the 2027 notice, and says the date may move', async () => {
    expect(await deadlineOf('dec2')).toMatchObject({ legalDeadline: '2027-01-04', calendarCaveat: '2027年放假安排未公布，日期可能顺延', dayNumber: 5, daysLeft: 28 });
    expect((await deadlineOf('dec1')).calendarCaveat).toBeNull();
    const year = await request.get('/api/v1/calendar/overrides?year=2027').set(auth);
    expect(year.body).toMatchObject({ year: 2027, complete: false, hasHolidayData: false, caveat: '2027年放假安排未公布，日期可能顺延' });
    expect(year.body.fixedHolidays).toHaveLength(13);
  });

  it('does not make a year complete with a company or statutory override', async () => {
    await request.put('/api/v1/calendar/overrides/2027-02-09').set(auth).send({ isWorkday: false, reason: '春节延长放假', kind: 'statutory' });
    expect((await request.get('/api/v1/calendar/overrides?year=2027').set(auth)).body.complete).toBe(false);
  });
});

describe('POST /api/v1/calendar/notices', () => {
  it('previews the 2026 notice as no change at all (the package already has it) and writes nothing', async () => {
    const res = await request.post('/api/v1/calendar/notices').set(auth).send({ text: notice('2026') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, applied: false, changedDays: [], movedDeadlines: [] });
    expect(res.body.holidays).toHaveLength(7);
    expect(res.body.workingDays.map((w: { day: string }) => w.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(await t.db.workCalendarOverride.count()).toBe(0);
  });

  it('shows which open deadlines a 2027 notice moves, then applies it in one step', async () => {
    expect((await deadlineOf('jan8')).legalDeadline).toBe('2027-02-09');
    const dry = await request.post('/api/v1/calendar/notices').set(auth).send({ text: notice('2027-hypothetical') });
    expect(dry.body.movedDeadlines).toContainEqual({ kind: 'enrolment', employeeName: '新员工jan8', what: '社保增员', before: '2027-02-09', after: '2027-02-13' });
    expect(dry.body.changedDays).toContainEqual({ day: '2027-02-13', before: '休息', after: '上班' });
    expect(await t.db.holidayNotice.count()).toBe(0);

    const applied = await request.post('/api/v1/calendar/notices').set(auth).send({ text: notice('2027-hypothetical'), dryRun: false });
    expect(applied.body.applied).toBe(true);
    expect(await deadlineOf('jan8')).toMatchObject({ legalDeadline: '2027-02-13', calendarCaveat: null });
    const year = await request.get('/api/v1/calendar/overrides?year=2027').set(auth);
    expect(year.body).toMatchObject({ complete: true, caveat: null, notice: { title: '国务院办公厅关于2027年部分节假日安排的通知', importedBy: '管理员令牌' } });
    expect(await t.db.auditEvent.count({ where: { type: 'calendar.notice_imported' } })).toBe(1);

    const again = await request.post('/api/v1/calendar/notices').set(auth).send({ text: notice('2027-hypothetical'), dryRun: false });
    expect(again.body).toMatchObject({ replaces: true, changedDays: [], movedDeadlines: [] });
    expect(await t.db.workCalendarOverride.count({ where: { kind: 'STATUTORY' } })).toBe(12);
  });

  it('refuses a notice it cannot read, in Chinese, writing nothing', async () => {
    const res = await request.post('/api/v1/calendar/notices').set(auth).send({ text: '国务院办公厅关于2027年部分节假日安排的通知 全文见附件', dryRun: false });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/无法读取放假安排通知：.*一、元旦/);
    const wrongCount = await request.post('/api/v1/calendar/notices').set(auth).send({ text: notice('2026').replace('至7日（周三）放假调休，共7天', '至9日（周五）放假调休，共7天'), dryRun: false });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.message).toContain('国庆节');
    expect(await t.db.workCalendarOverride.count()).toBe(0);
  });

  it('lets only HR import a notice', async () => {
    const res = await request.post('/api/v1/calendar/notices').set(staff).send({ text: notice('2026'), dryRun: false });
    expect(res.status).toBe(403);
    expect(await t.db.holidayNotice.count()).toBe(0);
  });
});
