import { beforeEach, describe, expect, it } from 'vitest';
import { changeEnrolmentDate, getEnrolment } from '../../src/services/enrolment/change-enrolment-date.ts';
import { recordEnrolmentInTx } from '../../src/services/enrolment/record-enrolment-in-tx.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const now = new Date('2026-12-24T02:03:00.000Z'); // 10:03 in Beijing
const t = await createTestDb({ now: () => now });

beforeEach(async () => {
  await t.db.enrolment.deleteMany();
  await t.db.employee.deleteMany();
});

/** A hire started 2026-11-20, enrolled by the 已增员 card on 2026-12-24. */
async function setup(opts: { enrol?: boolean } = {}) {
  const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', startDate: '2026-01-05' });
  const staff = await makeActor(t.deps, ['EMPLOYEE'], { name: '赵员工', startDate: '2026-01-05' });
  const hire = await makeEmployee(t.deps, { name: '张三', startDate: '2026-11-20', department: '销售部' });
  if (opts.enrol !== false) {
    await t.db.$transaction((tx) => recordEnrolmentInTx(tx, { actor: hr.actor, employeeId: hire.id, enrolledOn: '2026-12-24', source: 'card', reason: '已增员（卡片）', now }));
  }
  const dates = async () => (await t.db.enrolment.findMany({ where: { employeeId: hire.id } })).map((r) => r.enrolledOn.toISOString().slice(0, 10));
  return { hr, staff, hire, dates };
}

describe('changeEnrolmentDate', () => {
  it('moves every enrolled insurance to the new date with a history entry each and one audit event', async () => {
    const s = await setup();
    const view = await changeEnrolmentDate(t.deps, { actor: s.hr.actor, employeeId: s.hire.id, enrolledOn: '2026-12-18', reason: '实际 12 月 18 日已办理' });

    expect(await s.dates()).toEqual(Array(5).fill('2026-12-18'));
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: s.hire.id } })).enrolledOn?.toISOString().slice(0, 10)).toBe('2026-12-18');
    expect(view.enrolments.map((e) => [e.label, e.enrolledOn, e.status, e.source])).toEqual([
      ['养老', '2026-12-18', 'ENROLLED', 'card'], ['医疗', '2026-12-18', 'ENROLLED', 'card'], ['失业', '2026-12-18', 'ENROLLED', 'card'],
      ['工伤', '2026-12-18', 'ENROLLED', 'card'], ['生育', '2026-12-18', 'ENROLLED', 'card'],
    ]);
    expect(view.employee).toMatchObject({ name: '张三', department: '销售部', startDate: '2026-11-20' });
    expect(view.history.map((h) => [h.reason, h.actorName, h.labels.length])).toEqual([
      ['更正增员日期：2026-12-24 → 2026-12-18（实际 12 月 18 日已办理）', '李专员', 5],
      ['已增员（卡片）', '李专员', 5],
    ]);
    expect(await t.db.enrolmentChange.count({ where: { enrolment: { employeeId: s.hire.id } } })).toBe(10);
    const rows = await t.db.enrolment.findMany({ where: { employeeId: s.hire.id } });
    expect(rows.map((r) => r.version)).toEqual(Array(5).fill(1));
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'enrolment.date_changed', subjectId: s.hire.id } });
    expect(audit.data).toEqual({ employeeNo: s.hire.employeeNo, from: '2026-12-24', to: '2026-12-18', reason: '实际 12 月 18 日已办理' });
  });

  it('accepts the start date and today as bounds', async () => {
    const s = await setup();
    await changeEnrolmentDate(t.deps, { actor: s.hr.actor, employeeId: s.hire.id, enrolledOn: '2026-11-20', reason: '入职当天已办理' });
    expect(await s.dates()).toEqual(Array(5).fill('2026-11-20'));
    await changeEnrolmentDate(t.deps, { actor: s.hr.actor, employeeId: s.hire.id, enrolledOn: '2026-12-24', reason: '改回今天' });
    expect(await s.dates()).toEqual(Array(5).fill('2026-12-24'));
  });

  it.each([
    ['a future date', '2026-12-25', '增员日期不能晚于今天（2026-12-24）'],
    ['a date before the start date', '2026-11-19', '增员日期不能早于入职日期（2026-11-20）'],
    ['an impossible date', '2026-02-30', '增员日期应为真实存在的日期，写成 2026-03-02 这样'],
  ])('refuses %s with a 400 and changes nothing', async (_label, enrolledOn, message) => {
    const s = await setup();
    await expect(changeEnrolmentDate(t.deps, { actor: s.hr.actor, employeeId: s.hire.id, enrolledOn, reason: '测试' })).rejects.toMatchObject({ status: 400, code: 'validation_failed', message });
    expect(await s.dates()).toEqual(Array(5).fill('2026-12-24'));
    expect(await t.db.enrolmentChange.count({ where: { enrolment: { employeeId: s.hire.id } } })).toBe(5);
    expect(await t.db.auditEvent.count({ where: { type: 'enrolment.date_changed', subjectId: s.hire.id } })).toBe(0);
  });

  it('forbids an employee (403) and answers 404 when nothing was enrolled', async () => {
    const s = await setup();
    await expect(changeEnrolmentDate(t.deps, { actor: s.staff.actor, employeeId: s.hire.id, enrolledOn: '2026-12-20', reason: '测试' })).rejects.toMatchObject({ status: 403 });
    expect(await s.dates()).toEqual(Array(5).fill('2026-12-24'));
    const other = await makeEmployee(t.deps, { name: '李四', startDate: '2026-12-01' });
    await expect(changeEnrolmentDate(t.deps, { actor: s.hr.actor, employeeId: other.id, enrolledOn: '2026-12-20', reason: '测试' }))
      .rejects.toMatchObject({ status: 404, message: '李四 尚无社保增员记录，无法更正增员日期' });
  });
});

describe('getEnrolment', () => {
  it('shows HR any employee, an employee only themselves', async () => {
    const s = await setup();
    expect(await getEnrolment(t.deps, { actor: s.hr.actor, employeeId: s.hire.id })).toMatchObject({ canEdit: true, today: '2026-12-24', enrolments: { length: 5 } });
    await expect(getEnrolment(t.deps, { actor: s.staff.actor, employeeId: s.hire.id })).rejects.toMatchObject({ status: 404 });
    expect(await getEnrolment(t.deps, { actor: s.staff.actor, employeeId: s.staff.employee.id })).toMatchObject({ canEdit: false, enrolments: [], history: [] });
  });
});
