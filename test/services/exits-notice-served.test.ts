// Notices count from delivery (劳动合同法 第三十九条: a unilateral termination takes effect when its
// notice reaches the employee): a notice to an employee without a chat account stays 待送达 until
// HR records the EMS delivery; a chat notice's deadline runs from the day the platform accepted it;
// the termination's exit date is its delivery day; 「我已离职」 signed becomes a resignation.
import { describe, expect, it } from 'vitest';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { answerExitNotice } from '../../src/services/exits/answer-exit-notice.ts';
import { recordExitChannel } from '../../src/services/exits/record-exit-channel.ts';
import { recordUnionAnswer } from '../../src/services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { requestTerminationApproval } from '../../src/services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { signedPng } from '../helpers/make-png.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);
const process = (id: string) => t.db.exitProcess.findUniqueOrThrow({ where: { id } });

/** An absent employee with no chat account at all, and their open case. */
async function unreachable(name: string) {
  const employee = await makeEmployee(c.deps, { name, startDate: '2024-03-01', position: '仓管' });
  const days = ['2026-10-28', '2026-10-29', '2026-10-30'];
  const absence = await t.db.absenceCase.create({
    data: { uniqueKey: `${employee.id}:x`, employeeId: employee.id, trigger: 'attendance', firstAbsentDay: new Date('2026-10-28T00:00:00Z'), lastCheckedDay: new Date('2026-10-30T00:00:00Z'), absentDays: 3, days, managerDueAt: new Date(), state: 'UNREACHABLE' },
  });
  return { employee, id: (await c.start(employee.id, absence.id)).exitProcessId };
}

describe('notices that were delivered', () => {
  it('does not start the deadline of a notice to an employee without a chat account until its EMS delivery is recorded', async () => {
    c.setNow('2026-11-02 10:00');
    const { id } = await unreachable('周一');
    const sent = await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    expect(sent).toMatchObject({ deadline: null, chatRecipients: 0 });
    expect(sent.text).toContain('请以邮政快递寄送至劳动合同约定的地址，并登记运单号和妥投日期');
    const card = c.cards('exit.delivery_needed').find((m) => JSON.stringify(m.payload).includes('周一'));
    expect(card?.recipients).toEqual(['hr-s']);
    expect(JSON.stringify(card?.payload)).toContain('员工没有可用的聊天账号，请以邮政快递寄送至劳动合同约定的地址，并登记运单号和妥投日期');

    // Weeks pass: nothing runs while the notice is 待送达.
    expect(await c.job('2026-11-20')).toContain('second-notice prompts 0');
    await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'ems', reference: 'EMS1180000000001', sentOn: '2026-11-02' });
    expect(await c.job('2026-11-20')).toContain('second-notice prompts 0');
    expect((await process(id)).deadline).toBeNull();

    // Delivered Wednesday 11-04: + 3 days is Saturday 11-07, rolled to Monday 11-09 (民法典 第二百零三条).
    c.setNow('2026-11-05 09:00');
    const recorded = await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'ems', reference: 'EMS1180000000001', deliveredOn: '2026-11-04' });
    expect(recorded.text).toContain('返岗期限 2026-11-09');
    expect(day((await process(id)).deadline)).toBe('2026-11-09');
    const step = await t.db.exitStep.findFirstOrThrow({ where: { processId: id, kind: 'return_notice_1' } });
    expect({ on: day(step.deliveredOn), via: step.deliveredVia, deadline: day(step.deadline) }).toEqual({ on: '2026-11-04', via: 'ems', deadline: '2026-11-09' });
    expect(await t.db.evidenceEntry.count({ where: { subjectId: id, type: 'exit.notice_served' } })).toBe(1);
    // HR's 「通知书待送达」 card is closed for everyone, saying who recorded the delivery.
    const asked = await t.db.cardInstance.findMany({ where: { subjectId: id, type: 'exit.delivery_needed' } });
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.map((a) => ({ state: a.state, by: a.decidedByName }))).toEqual(asked.map(() => ({ state: 'DECIDED', by: c.hr.actor.name })));
    expect(c.outbox.messages.some((m) => m.payload.kind === 'card_update' && m.payload.card.type === 'exit.delivery_needed' && m.payload.card.decided?.label.includes('已送达'))).toBe(true);
    expect(await c.job('2026-11-08')).toContain('second-notice prompts 0');
    expect(await c.job('2026-11-09')).toContain('second-notice prompts 1');
  });

  it('runs a chat notice’s deadline from the day the platform accepted the message, not the day it was sent', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, absenceCaseId } = await c.absentEmployee('吴二');
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    expect((await process(id)).deadline).toBeNull();
    // Accepted late on Tuesday 11-03 (Shanghai): 11-03 + 3 = Friday 11-06.
    await c.deliverChat(id, 'return_notice_1', '2026-11-03 23:30');
    expect(day((await process(id)).deadline)).toBe('2026-11-06');
    // A second message (the PDF) accepted later does not move it.
    await c.deliverChat(id, 'return_notice_1', '2026-11-04 08:00');
    expect(day((await process(id)).deadline)).toBe('2026-11-06');
    expect(await t.db.evidenceEntry.count({ where: { subjectId: id, type: 'exit.notice_served' } })).toBe(1);
  });

  it('terminates on the day the termination notice is delivered, which becomes the exit date', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, id } = await unreachable('郑三');
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'ems', reference: 'EMS1', sentOn: '2026-11-02', deliveredOn: '2026-11-02' });
    await c.job('2026-11-05');
    c.setNow('2026-11-06 09:00');
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor, round: 2 });
    await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'sms', reference: '短信 138…', sentOn: '2026-11-06', deliveredOn: '2026-11-06' });
    await c.job('2026-11-09');
    c.setNow('2026-11-10 10:00');
    await recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-10', reply: '工会无异议' });
    await recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-10', companyAnswer: '公司已研究工会意见，维持解除决定' });
    const { approvalId } = await requestTerminationApproval(c.deps, { processId: id, actor: c.hr.actor });
    await decideApproval(c.deps, { approvalId, decision: 'APPROVE', actor: c.manager.actor, channel: 'api', confirmWarning: true });

    // Approved but not delivered: still 自离, no exit date, no checklist; HR is told to send it by EMS.
    expect(await process(id)).toMatchObject({ state: 'TERMINATION_NOTICE_SENT', exitDate: null });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ABSCONDED');
    expect(await t.db.exitTask.count({ where: { processId: id } })).toBe(0);
    expect(c.cards('exit.delivery_needed').some((m) => JSON.stringify(m.payload).includes('妥投之日解除劳动合同'))).toBe(true);

    c.setNow('2026-11-13 15:00');
    const res = await recordExitChannel(c.deps, { processId: id, actor: c.hr.actor, channel: 'ems', reference: 'EMS3', sentOn: '2026-11-10', deliveredOn: '2026-11-12' });
    expect(res.text).toContain('自 2026-11-12 起解除劳动合同');
    expect(day((await process(id)).exitDate)).toBe('2026-11-12');
    expect((await process(id)).state).toBe('TERMINATED');
    const after = await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } });
    expect({ status: after.status, exitDate: day(after.exitDate) }).toEqual({ status: 'EXITED', exitDate: '2026-11-12' });
    const cert = await t.db.exitTask.findUniqueOrThrow({ where: { uniqueKey: `${id}:separation_certificate` } });
    expect(day(cert.dueOn)).toBe('2026-11-12');
  });

  it('turns 「我已离职」 confirmed with a drawn signature into a resignation, ledgered, and tells HR', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, absenceCaseId } = await c.absentEmployee('王四');
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    const me = (await loadEmployeeActor(t.db, employee.id))!;
    const sign = () => signDeclaration(c.deps, { actor: me, platform: 'sandbox', template: 'exit-resignation-confirmation', subjectId: id, typedName: '王四', statementAccepted: true, signaturePng: signedPng() });

    // Not before 「我已离职」, and the last day at most 30 days on.
    await expect(sign()).rejects.toMatchObject({ code: 'illegal_transition' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RESIGNED', lastDay: '2026-12-03' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RETURN', returnOn: '2026-11-03', lastDay: '2026-11-03' })).rejects.toMatchObject({ code: 'validation_failed' });
    await answerExitNotice(c.deps, { processId: id, actor: me, answer: 'RESIGNED', lastDay: '2026-11-10' });
    // HR may not sign for the employee.
    await expect(signDeclaration(c.deps, { actor: c.hr.actor, platform: 'sandbox', template: 'exit-resignation-confirmation', subjectId: id, typedName: '李人事', statementAccepted: true, signaturePng: signedPng() })).rejects.toMatchObject({ code: 'forbidden' });

    const { signatureId, documentSha256 } = await sign();
    const p = await process(id);
    expect({ kind: p.kind, state: p.state, exitDate: day(p.exitDate), requestedOn: day(p.requestedOn) }).toEqual({ kind: 'RESIGNATION', state: 'ACCEPTED', exitDate: '2026-11-10', requestedOn: '2026-11-02' });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('PENDING_EXIT');
    const ledger = await t.db.evidenceEntry.findMany({ where: { subjectType: 'exit_process', subjectId: id, type: { in: ['signature', 'exit.resignation_confirmed'] } }, orderBy: { index: 'asc' } });
    expect(ledger.map((e) => e.type)).toEqual(['signature', 'exit.resignation_confirmed']);
    expect(ledger[0]?.payloadHash).toBe(documentSha256);
    const card = c.cards('exit.resignation_confirmed').find((m) => JSON.stringify(m.payload).includes('王四'));
    expect(card?.recipients).toEqual(['hr-s']);
    expect(JSON.stringify(card?.payload)).toContain('2026-11-10');
    expect((await t.db.signature.findUniqueOrThrow({ where: { id: signatureId } })).template).toBe('exit-resignation-confirmation@1');

    // The absence chain has stopped: no second notice, and the resignation completes on its day.
    await expect(sendExitNotice(c.deps, { processId: id, actor: c.hr.actor, round: 2 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await c.job('2026-11-09')).toContain('exits completed 0');
    expect(await c.job('2026-11-10')).toContain('exits completed 1');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('EXITED');
  });
});
