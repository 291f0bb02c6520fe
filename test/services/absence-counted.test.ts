// Issue 14 §1: an absence chain only runs on absent days that are counted. A clock-in after
// detection stops the next notice; the termination notice recounts through its own day.
import { describe, expect, it } from 'vitest';
import { terminationNoticeContent } from '../../src/domain/exits/exit-documents.ts';
import { defaultExitRules } from '../../src/domain/exits/exit-rules.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { recordUnionAnswer } from '../../src/services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { requestTerminationApproval } from '../../src/services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);

async function punch(employeeId: string, day: string) {
  await t.db.attendanceRecord.create({ data: { employeeId, day: new Date(`${day}T00:00:00Z`), at: new Date(`${day}T01:00:00Z`), source: 'h5', sourceId: `${employeeId}:${day}`, kind: '上班', flags: [] } });
}

/** An absence case through both delivered notices and the union (answered), on 2026-11-10. */
async function caseReadyForTermination(name: string) {
  c.setNow('2026-11-02 10:00');
  const { employee, absenceCaseId } = await c.absentEmployee(name);
  const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
  await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
  await c.deliverChat(id, 'return_notice_1', '2026-11-02 10:01');
  await c.job('2026-11-05');
  c.setNow('2026-11-06 09:30');
  await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor, round: 2 });
  await c.deliverChat(id, 'return_notice_2', '2026-11-06 09:31');
  await c.job('2026-11-09');
  c.setNow('2026-11-10 10:00');
  await recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-10', reply: '工会无异议' });
  await recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-10', companyAnswer: '公司已研究工会意见，维持解除决定' });
  return { employee, id };
}

describe('absence that is counted', () => {
  it('refuses the first notice of someone who clocked in after detection, sends nothing, and closes the case', async () => {
    const { employee, absenceCaseId } = await c.absentEmployee('钱七');
    const { exitProcessId } = await c.start(employee.id, absenceCaseId);
    await punch(employee.id, '2026-11-02');
    c.outbox.messages.length = 0;
    await expect(sendExitNotice(c.deps, { processId: exitProcessId, actor: c.hr.actor })).rejects.toMatchObject({
      code: 'conflict', status: 409, message: expect.stringContaining('该员工自 11-02 起已有打卡记录，不能继续旷工解除流程'),
    });
    expect(c.outbox.messages.filter((m) => m.dedupeKey.startsWith('exit-notice:'))).toEqual([]);
    expect(await t.db.exitStep.count({ where: { processId: exitProcessId } })).toBe(0);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: exitProcessId } })).state).toBe('RETURNED');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ACTIVE');
  });

  it('refuses the termination request once approved leave brings the absence under the threshold', async () => {
    const { employee, id } = await caseReadyForTermination('孙八');
    // Leave approved late covers every workday from 10-28 to 11-10 but one.
    await t.db.leaveRecord.create({ data: { employeeId: employee.id, fromDay: new Date('2026-10-29T00:00:00Z'), toDay: new Date('2026-11-10T00:00:00Z'), kind: '病假', source: 'hr', createdById: 'test' } });
    await expect(requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor })).rejects.toMatchObject({
      code: 'conflict', message: expect.stringContaining('只有 1 个工作日'),
    });
    expect(await t.db.approval.count({ where: { subjectId: id } })).toBe(0);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('RETURNED');
  });

  it('refuses the approval of a termination when the employee clocked in between the request and the decision, and closes the case', async () => {
    const { employee, id } = await caseReadyForTermination('冯十');
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    await punch(employee.id, '2026-11-10');
    c.outbox.messages.length = 0;
    await expect(decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'api', confirmWarning: true })).rejects.toMatchObject({
      code: 'conflict', status: 409, message: expect.stringContaining('该员工自 11-10 起已有打卡记录，不能继续旷工解除流程'),
    });
    expect(await t.db.exitStep.count({ where: { processId: id, kind: 'termination_notice' } })).toBe(0);
    expect(c.outbox.messages.filter((m) => m.dedupeKey.startsWith('exit-notice:'))).toEqual([]);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('WITHDRAWN');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('RETURNED');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ACTIVE');
  });

  it('refuses the approval of a termination once leave approved after the request brings the absence under the threshold', async () => {
    const { employee, id } = await caseReadyForTermination('陈十一');
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    await t.db.leaveRecord.create({ data: { employeeId: employee.id, fromDay: new Date('2026-10-29T00:00:00Z'), toDay: new Date('2026-11-10T00:00:00Z'), kind: '病假', source: 'hr', createdById: 'test' } });
    await expect(decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'api', confirmWarning: true })).rejects.toMatchObject({
      code: 'conflict', message: expect.stringContaining('只有 1 个工作日'),
    });
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id } })).state).toBe('RETURNED');
    expect(await t.db.approvalDecision.count({ where: { step: { approvalId } } })).toBe(0);
  });

  it('recounts the absent days through the day the termination notice is issued', async () => {
    const { id } = await caseReadyForTermination('周九');
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    await decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'api', confirmWarning: true });
    const terminated = await t.db.evidenceEntry.findFirstOrThrow({ where: { subjectType: 'exit_process', subjectId: id, type: 'exit.notice_sent', metadata: { path: ['notice'], equals: 'termination_notice' } } });
    // 10-28 … 11-10 on the attendance calendar: 10 workdays, not the 3 frozen at detection.
    expect((terminated.metadata as { absentDays: string[] }).absentDays).toEqual([
      '2026-10-28', '2026-10-29', '2026-10-30', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10',
    ]);
  });

  it('writes the recounted days and the absence after each notice into the termination notice', () => {
    const content = terminationNoticeContent({
      name: '周九', employeeNo: 'E9', department: '销售部', position: '销售', issuedOn: '2026-11-10',
      absentDays: ['2026-10-28', '2026-10-29', '2026-10-30', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10'],
      noticesSentOn: ['2026-11-02', '2026-11-06'], absentAfterNotices: [6, 2], unionNotifiedOn: '2026-11-10', unionReply: '工会无异议',
    }, defaultExitRules);
    const text = content.paragraphs.join('\n');
    expect(text).toContain('你自 2026-10-28 起未到岗出勤，截至 2026-11-10 累计 10 个工作日未打卡');
    expect(text).toContain('2026-11-02 第一次通知发出后，你仍有 6 个工作日未到岗；2026-11-06 第二次通知发出后，你仍有 2 个工作日未到岗');
    expect(content.facts).toContainEqual({ label: '旷工日期', value: expect.stringContaining('2026-11-10') });
  });
});
