// The other ways out of an exit case: the employee answers and comes back (HR's 已返岗, or a
// clock-in seen by the job), a resignation from the H5 reaching its day, a mutual agreement, a
// status set to EXITED by hand; and the input each boundary refuses.
import { describe, expect, it } from 'vitest';
import { answerExitNotice } from '../../src/services/exits/answer-exit-notice.ts';
import { markExitReturned } from '../../src/services/exits/mark-exit-returned.ts';
import { readExitNotice } from '../../src/services/exits/read-exit-notice.ts';
import { recordExitChannel } from '../../src/services/exits/record-exit-channel.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { requestResignation } from '../../src/services/exits/request-resignation.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { startMutualExit } from '../../src/services/exits/start-mutual-exit.ts';
import { transitionEmployeeStatus } from '../../src/services/employees/transition-employee-status.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);

async function employeeActor(id: string) {
  const actor = await loadEmployeeActor(t.db, id, { ip: '10.0.0.8', userAgent: 'wxwork/4.1' });
  if (!actor) throw new Error('no actor');
  return actor;
}

describe('exit cases that end otherwise', () => {
  it('records the read and the answer, waits for the promised day, and closes on HR’s 已返岗', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, absenceCaseId } = await c.absentEmployee('钱七');
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    const me = await employeeActor(employee.id);

    // HR looking at the notice is not the employee reading it.
    await readExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    expect((await t.db.exitStep.findFirstOrThrow({ where: { processId: id } })).readAt).toBeNull();
    c.setNow('2026-11-02 20:15');
    const view = await readExitNotice(c.deps, { processId: id, actor: me });
    expect(view.notices[0]).toMatchObject({ title: '返岗通知书', deadline: '2026-11-05', readAt: '2026-11-02 20:15' });
    expect(view.canAnswer).toBe(true);
    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId: id } });
    expect(step).toMatchObject({ readIp: '10.0.0.8', readUserAgent: 'wxwork/4.1' });
    await readExitNotice(c.deps, { processId: id, actor: me });
    expect(await t.db.evidenceEntry.count({ where: { subjectId: id, type: 'exit.notice_read' } })).toBe(1);

    // Someone else may neither read nor answer it.
    const other = await makeActor(c.deps, ['EMPLOYEE']);
    await expect(readExitNotice(c.deps, { processId: id, actor: other.actor })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: other.actor, answer: 'RESIGNED' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RETURN' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RETURN', returnOn: '2026-10-01' })).rejects.toMatchObject({ code: 'validation_failed' });

    await answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RETURN', returnOn: '2026-11-06', note: '家中有事' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RESIGNED' })).rejects.toMatchObject({ code: 'conflict' });
    expect(JSON.stringify(c.cards('exit.employee_answered').at(-1)?.payload)).toContain('我将于 2026-11-06 返岗');

    // The deadline passed, but the employee promised 11-06: no second notice yet.
    expect(await c.job('2026-11-05')).toContain('second-notice prompts 0');
    await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'ems', reference: 'EMS 1180123456789', sentOn: '2026-11-02' });
    await expect(recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'sms', reference: 'x', sentOn: '2026-12-31' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-02', reply: '无异议' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(markExitReturned(c.deps, { processId: id, actor: me, source: 'hr' })).rejects.toMatchObject({ code: 'forbidden' });

    c.setNow('2026-11-06 09:10');
    await markExitReturned(c.deps, { processId: id, actor: c.hr.actor, source: 'hr', note: '今日到岗' });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ACTIVE');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('RETURNED');
    expect(await c.job('2026-11-06')).toContain('second-notice prompts 0');
    const types = (await t.db.evidenceEntry.findMany({ where: { subjectId: id }, orderBy: { index: 'asc' } })).map((e) => e.type);
    // The employee's own open proved delivery (exit.notice_served): the deadline ran from 11-02.
    expect(types).toEqual(['exit.started', 'exit.document', 'exit.notice_sent', 'exit.notice_served', 'exit.notice_read', 'exit.employee_answered', 'exit.channel_recorded', 'exit.returned']);
  });

  it('closes the case when the job sees a clock-in after it began', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, absenceCaseId } = await c.absentEmployee('孙八');
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    await t.db.attendanceRecord.create({ data: { employeeId: employee.id, day: new Date('2026-11-03T00:00:00Z'), at: new Date('2026-11-03T01:02:00Z'), source: 'h5', sourceId: `h5-${employee.id}`, kind: '上班', flags: [] } });
    expect(await c.job('2026-11-03')).toContain('returned 1');
    expect(await c.job('2026-11-03')).toContain('returned 0');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('RETURNED');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ACTIVE');
  });

  it('takes a resignation from the employee and completes it on the last day with the checklist', async () => {
    c.setNow('2026-11-02 10:00');
    const employee = await makeEmployee(c.deps, { name: '周九', startDate: '2025-01-06' });
    const me = await employeeActor(employee.id);
    await expect(requestResignation(c.deps, { actor: me, lastDay: '2026-11-01', reason: '个人发展' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(requestResignation(c.deps, { actor: testAdmin, lastDay: '2026-12-02', reason: '个人发展' })).rejects.toMatchObject({ code: 'forbidden' });
    const short = await requestResignation(c.deps, { actor: me, lastDay: '2026-11-20', reason: '个人发展' });
    expect(short).toMatchObject({ noticeDays: 18, requiredDays: 30 });
    expect(short.warning).toContain('第三十七条');
    await expect(requestResignation(c.deps, { actor: me, lastDay: '2026-12-02', reason: '个人发展' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('PENDING_EXIT');
    expect(c.cards('exit.resignation')).toHaveLength(1);

    expect(await c.job('2026-11-19')).toContain('exits completed 0');
    expect(await c.job('2026-11-20')).toContain('exits completed 1');
    expect(await c.job('2026-11-20')).toContain('exits completed 0');
    const after = await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } });
    expect(after.status).toBe('EXITED');
    expect(after.exitDate?.toISOString().slice(0, 10)).toBe('2026-11-20');
    const process = await t.db.exitProcess.findUniqueOrThrow({ where: { id: short.processId }, include: { tasks: true } });
    expect(process.state).toBe('EXITED');
    expect(process.tasks).toHaveLength(6);
  });

  it('gives the checklist to a mutual agreement and to an exit set by hand, but not to a no-show hire', async () => {
    c.setNow('2026-11-02 10:00');
    const a = await makeEmployee(c.deps, { name: '吴十' });
    const mutual = await startMutualExit(c.deps, { actor: c.hr.actor, employeeId: a.id, exitDate: '2026-11-02', agreedOn: '2026-11-01', reason: '协商一致', proposedBy: 'employee' });
    expect(mutual.state).toBe('EXITED');
    expect(await t.db.exitTask.count({ where: { processId: mutual.processId } })).toBe(6);

    const b = await makeEmployee(c.deps, { name: '郑十一' });
    await transitionEmployeeStatus(c.deps, { actor: testAdmin, id: b.id, to: 'PENDING_EXIT', reason: '辞职' });
    await transitionEmployeeStatus(c.deps, { actor: testAdmin, id: b.id, to: 'EXITED', reason: '最后工作日', exitDate: '2026-10-30' });
    const other = await t.db.exitProcess.findFirstOrThrow({ where: { employeeId: b.id }, include: { tasks: true } });
    expect(other.kind).toBe('OTHER');
    expect(other.tasks.find((task) => task.kind === 'unemployment_report')?.dueOn.toISOString().slice(0, 10)).toBe('2026-11-06');

    const hire = await makeEmployee(c.deps, { name: '王未到', status: 'ONBOARDING', startDate: '2026-11-02' });
    await transitionEmployeeStatus(c.deps, { actor: testAdmin, id: hire.id, to: 'EXITED', reason: '未到岗', exitDate: '2026-11-02' });
    expect(await t.db.exitProcess.count({ where: { employeeId: hire.id } })).toBe(0);
  });

  it('sends the first notice at once when the company turned auto-send on', async () => {
    c.setNow('2026-11-02 10:00');
    await t.db.appMeta.upsert({ where: { key: 'exit.rules' }, create: { key: 'exit.rules', value: '{"autoSendFirstNotice":true,"returnDays":5}' }, update: {} });
    const { employee, absenceCaseId } = await c.absentEmployee('蒋十五');
    const before = c.cards('exit.notice_ready').length;
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).deadline).toBeNull(); // 待送达
    await c.deliverChat(id, 'return_notice_1', '2026-11-02 10:03');
    await t.db.appMeta.delete({ where: { key: 'exit.rules' } });
    const p = await t.db.exitProcess.findUniqueOrThrow({ where: { id } });
    expect(p.state).toBe('NOTICE_1_SENT');
    expect(p.deadline?.toISOString().slice(0, 10)).toBe('2026-11-09'); // delivered 11-02 + 5 = 11-07, a Saturday
    expect(c.cards('exit.notice_ready')).toHaveLength(before);
  });
});
