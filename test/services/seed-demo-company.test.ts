import { describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { addDays, dayIn, formatDay } from '../../src/domain/dates.ts';
import { detectAbsences } from '../../src/services/absence/detect-absences.ts';
import { loadAttendanceSettings } from '../../src/services/absence/load-attendance-settings.ts';
import { workdaysBefore } from '../../src/services/demo/seed-demo-clock-ins.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { findIdNumberProblem } from '../../src/domain/id-number.ts';
import { runSeedDemo } from '../../src/cli/seed-command.ts';
import { buildDemoRoster } from '../../src/services/demo/demo-roster.ts';
import { DEMO_SEEDED_KEY, seedDemoCompany } from '../../src/services/demo/seed-demo-company.ts';
import { createTestDb } from '../helpers/test-db.ts';

const NOW = new Date('2026-11-22T02:00:00Z'); // 10:00 in Shanghai
const TODAY = '2026-11-22';
const t = await createTestDb({ now: () => NOW });
const actor = systemActor('test', '测试');
const fresh = await createTestDb({ now: () => NOW });
const emptied = await createTestDb({ now: () => NOW });

const first = await seedDemoCompany(t.deps, { actor });

const employees = await t.db.employee.findMany({ include: { roles: true, identities: true, department: true, _count: { select: { reports: true } } } });
const inDb = (employeeNo: string | undefined) => employees.find((e) => e.employeeNo === employeeNo);
const scenarioPerson = (scenario: string) => inDb(buildDemoRoster(TODAY).people.find((p) => p.scenario === scenario)?.employeeNo);

/** Whole years between the birth date in an ID number and a day. */
function ageOn(idNumber: string, day: string): number {
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) >= birth.slice(5) ? years : years - 1;
}

async function tableCounts() {
  const d = t.db;
  return {
    employees: await d.employee.count(), departments: await d.department.count(), statusChanges: await d.statusChange.count(),
    roles: await d.roleAssignment.count(), identities: await d.platformIdentity.count(), audits: await d.auditEvent.count(), meta: await d.appMeta.count(),
  };
}

describe('seedDemoCompany', () => {
  it('creates at least 60 employees in at least 4 departments', () => {
    expect(first).toMatchObject({ seeded: true, message: `已生成演示公司：${employees.length} 名员工，${first.departments} 个部门` });
    expect(employees.length).toBeGreaterThanOrEqual(60);
    expect(new Set(employees.map((e) => e.departmentId)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives everyone a unique Chinese name, a valid ID number aged 22 or more and a mobile, stored encrypted', () => {
    const names = employees.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of employees) {
      expect(e.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      const idNumber = t.deps.cipher.decrypt(e.idNumberEnc as string);
      const mobile = t.deps.cipher.decrypt(e.mobileEnc as string);
      expect(findIdNumberProblem(idNumber), idNumber).toBeUndefined();
      expect(ageOn(idNumber, TODAY)).toBeGreaterThanOrEqual(22);
      expect(mobile).toMatch(/^1[3-9]\d{9}$/);
      const stored = JSON.stringify(e);
      expect(stored).not.toContain(idNumber.slice(0, 14));
      expect(stored).not.toContain(mobile);
      expect(e.idNumberLast4).toBe(idNumber.slice(-4));
    }
    expect(new Set(employees.map((e) => e.idNumberHash)).size).toBe(employees.length);
    expect(new Set(employees.map((e) => e.mobileHash)).size).toBe(employees.length);
  });

  it('places not-yet-enrolled hires at exactly day 20, 23, 28 and 31 after starting', () => {
    for (const n of [20, 23, 28, 31]) {
      const hire = scenarioPerson(`enrolment-day-${n}`);
      expect(hire, `day ${n}`).toMatchObject({ status: 'ACTIVE', enrolledOn: null });
      expect(formatDay(hire?.startDate)).toBe(addDays(TODAY, -n));
    }
    expect(formatDay(scenarioPerson('onboarding')?.startDate) as string > TODAY).toBe(true);
    const established = employees.filter((e) => e.status === 'ACTIVE' && e.enrolledOn);
    expect(established.every((e) => (e.enrolledOn as Date) > e.startDate)).toBe(true);
  });

  it('includes an active retiree re-hire aged 60 or more who is not enrolled', () => {
    const retiree = scenarioPerson('retiree-rehire');
    expect(retiree).toMatchObject({ status: 'ACTIVE', enrolledOn: null, position: '财务顾问' });
    expect(ageOn(t.deps.cipher.decrypt(retiree?.idNumberEnc as string), TODAY)).toBeGreaterThanOrEqual(60);
  });

  it('has one onboarding hire, one on unpaid leave, one pending exit and one leaver with an exit date', async () => {
    const withStatus = (s: string) => employees.filter((e) => e.status === s);
    expect(withStatus('ONBOARDING')).toHaveLength(1);
    expect(withStatus('UNPAID_LEAVE')).toHaveLength(1);
    expect(withStatus('PENDING_EXIT')).toHaveLength(1);
    const [leaver] = withStatus('EXITED');
    expect(withStatus('EXITED')).toHaveLength(1);
    expect(formatDay(leaver?.exitDate) as string < TODAY).toBe(true);
    const history = await t.db.statusChange.findMany({ where: { employeeId: leaver?.id }, orderBy: { at: 'asc' } });
    expect(history.map((h) => h.toStatus)).toEqual(['ACTIVE', 'PENDING_EXIT', 'EXITED']);
  });

  it('staffs HR and finance with every role and derives managers from reporting lines', () => {
    const assigned = new Set(employees.flatMap((e) => e.roles.map((r) => r.role)));
    for (const role of ['HR_SPECIALIST', 'HR_MANAGER', 'FINANCE', 'ADMIN'] as const) expect(assigned).toContain(role);
    expect(assigned).not.toContain('MANAGER');
    expect(employees.filter((e) => e.roles.some((r) => r.role === 'HR_SPECIALIST'))).toHaveLength(2);
    const bosses = employees.filter((e) => e.managerId === null);
    expect(bosses).toHaveLength(1);
    expect(employees.filter((e) => e._count.reports > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('gives every employee who has not left a sandbox identity', () => {
    for (const e of employees) {
      const sandbox = e.identities.filter((i) => i.platform === 'sandbox').map((i) => i.userId);
      expect(sandbox).toEqual(e.status === 'EXITED' ? [] : [`demo-${e.employeeNo}`]);
    }
  });

  it('audits each creation with source seed and the seeding itself', async () => {
    const created = await t.db.auditEvent.findMany({ where: { type: 'employee.created' } });
    expect(created).toHaveLength(employees.length);
    expect(created.every((a) => (a.data as { source: string }).source === 'seed')).toBe(true);
    const seeded = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'demo.seeded' } });
    expect(seeded.data).toEqual({ employees: employees.length, departments: first.departments });
  });

  it('clocks everyone at work in on the past 20 workdays from their start, except the absentee\'s last 4', async () => {
    const absentee = scenarioPerson('absent');
    const days = workdaysBefore(TODAY, 20, (await loadAttendanceSettings(t.db)).calendar);
    const records = await t.db.attendanceRecord.findMany({ select: { employeeId: true, day: true, source: true, flags: true, at: true } });
    expect(records.every((r) => r.source === 'h5' && r.flags.length === 0 && days.includes(formatDay(r.day) as string))).toBe(true);
    for (const r of records) expect(dayIn('Asia/Shanghai', r.at)).toBe(formatDay(r.day));
    const hire = scenarioPerson('enrolment-day-20');
    const hireDays = records.filter((r) => r.employeeId === hire?.id).map((r) => formatDay(r.day));
    expect(hireDays).toEqual(days.filter((d) => d >= addDays(TODAY, -20)));
    const absentDays = records.filter((r) => r.employeeId === absentee?.id).map((r) => formatDay(r.day) as string).sort();
    expect(absentDays).toEqual(days.slice(0, 16));
    const atWork = employees.filter((e) => e.status === 'ACTIVE' || e.status === 'PENDING_EXIT').length;
    expect(new Set(records.map((r) => r.employeeId)).size).toBe(atWork);
  });

  it('finds exactly the one intended absentee when the absence detection runs on the seed day', async () => {
    const absentee = scenarioPerson('absent');
    const { deps } = withRecordingOutbox(t.deps);
    const result = await detectAbsences(deps, { asOf: TODAY, settings: await loadAttendanceSettings(t.db) });
    expect(result).toMatchObject({ streaks: 1, opened: 1, noAttendanceData: false });
    const cases = await t.db.absenceCase.findMany();
    expect(cases.map((c) => [c.employeeId, c.absentDays])).toEqual([[absentee?.id, 4]]);
    await t.db.absenceCase.deleteMany(); // the second-run check below compares table counts
  });

  it('changes nothing on a second run and says so', async () => {
    const before = await tableCounts();
    const again = await seedDemoCompany(t.deps, { actor });
    expect(again).toMatchObject({ seeded: false, employees: before.employees });
    expect(again.message).toBe(`已有数据（${before.employees} 名员工），未重复导入演示数据`);
    expect(await tableCounts()).toEqual(before);
  });

  it('prints the outcome from the CLI and exits 0 when already seeded', async () => {
    const lines: string[] = [];
    const code = await runSeedDemo(t.deps, { write: (s) => lines.push(s) });
    expect(code).toBe(0);
    // The shipped city policy library is seeded with it, once.
    expect(lines.join('')).toBe(`已有数据（${employees.length} 名员工），未重复导入演示数据\n已导入内置社保政策：北京、长沙、广州、杭州、上海、深圳\n`);
  });
});

describe('seedDemoCompany on a database that is not empty', () => {
  it('lets only one of two concurrent seeders create the company', async () => {
    const results = await Promise.all([seedDemoCompany(fresh.deps, { actor }), seedDemoCompany(fresh.deps, { actor })]);
    expect(results.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(await fresh.db.employee.count()).toBe(employees.length);
    expect(await fresh.db.auditEvent.count({ where: { type: 'demo.seeded' } })).toBe(1);
  });

  it('does nothing once the demo was seeded, even if every employee was deleted since', async () => {
    await emptied.db.appMeta.create({ data: { key: DEMO_SEEDED_KEY, value: NOW.toISOString() } });
    const result = await seedDemoCompany(emptied.deps, { actor });
    expect(result).toMatchObject({ seeded: false, employees: 0, message: '已有数据（0 名员工），未重复导入演示数据' });
    expect(await emptied.db.auditEvent.count()).toBe(0);
  });
});

describe('buildDemoRoster', () => {
  const days = Array.from({ length: 40 }, (_, k) => addDays('2026-01-01', k * 29)).concat('2028-02-29');

  it.each(days)('on %s builds a consistent roster with every scenario on its day', (today) => {
    const { people } = buildDemoRoster(today);
    const numbers = new Set(people.map((p) => p.employeeNo));
    for (const key of ['employeeNo', 'name', 'idNumber', 'mobile'] as const) expect(new Set(people.map((p) => p[key])).size).toBe(people.length);
    for (const p of people) {
      expect(findIdNumberProblem(p.idNumber)).toBeUndefined();
      if (p.managerNo) expect(numbers).toContain(p.managerNo);
      if (p.enrolledOn) expect(p.enrolledOn <= today && p.enrolledOn > p.startDate).toBe(true);
    }
    for (const n of [20, 23, 28, 31]) expect(people.find((p) => p.scenario === `enrolment-day-${n}`)?.startDate).toBe(addDays(today, -n));
    expect(buildDemoRoster(today).people).toEqual(people);
  });
});
