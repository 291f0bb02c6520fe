// Four-eyes on exits (issue 13 §1): when HR is the leaver, their own HR account does not send
// the notices, request the termination, accept the resignation or agree the mutual exit; a
// colleague does. Each refusal is a 403 saying who can, and a card click gets a polite reply.
import { describe, expect, it } from 'vitest';
import { EXIT_SEND_NOTICE } from '../../cards/action-ids.ts';
import { acceptResignation } from '../../src/services/exits/accept-resignation.ts';
import { decideExitCard } from '../../src/services/exits/decide-exit-card.ts';
import { requestResignation } from '../../src/services/exits/request-resignation.ts';
import { requestTerminationApproval } from '../../src/services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { startMutualExit } from '../../src/services/exits/start-mutual-exit.ts';
import { transitionEmployeeStatus } from '../../src/services/employees/transition-employee-status.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);
const OWN_CASE = { code: 'forbidden', status: 403, message: '这个离职流程与你本人有关，不能由你自己办理，请由其他人事同事或管理员办理' };

async function absentColleague(name: string) {
  const me = await makeActor(c.deps, ['HR_SPECIALIST'], { name, identities: { sandbox: `u-${name}` }, startDate: '2024-03-01' });
  const days = ['2026-10-28', '2026-10-29', '2026-10-30'];
  const absence = await t.db.absenceCase.create({
    data: { uniqueKey: `${me.employee.id}:${days[0]}`, employeeId: me.employee.id, trigger: 'attendance', firstAbsentDay: new Date(`${days[0]}T00:00:00Z`), lastCheckedDay: new Date(`${days[2]}T00:00:00Z`), absentDays: 3, days, managerDueAt: c.deps.now(), state: 'UNREACHABLE' },
  });
  const { exitProcessId } = await c.start(me.employee.id, absence.id);
  return { ...me, processId: exitProcessId };
}

describe('an HR specialist who is the absent employee', () => {
  it('may not send their own return-to-work notice, by REST or by the card; a colleague may', async () => {
    const me = await absentColleague('周人事');
    await expect(sendExitNotice(c.deps, { processId: me.processId, actor: me.actor })).rejects.toMatchObject(OWN_CASE);
    const queued = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: me.processId, type: 'exit.notice_ready' } });
    expect(JSON.stringify(queued.recipients)).not.toContain('u-周人事');
    // A copy that reached them anyway (e.g. sent before they were HR): the service still refuses.
    const card = await t.db.cardInstance.update({ where: { id: queued.id }, data: { recipients: [{ userId: 'u-周人事', employeeId: me.employee.id }] } });
    const reply = await decideExitCard(c.deps, { cardKey: card.cardKey, actionId: EXIT_SEND_NOTICE, actor: me.actor, platform: 'sandbox', platformUserId: 'u-周人事' });
    expect(reply.text).toBe(OWN_CASE.message);
    expect(await t.db.exitStep.count({ where: { processId: me.processId } })).toBe(0);
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { id: card.id } })).state).toBe('OPEN');
    expect(await sendExitNotice(c.deps, { processId: me.processId, actor: c.hr.actor })).toMatchObject({ notice: 'return_notice_1' });
  });

  it('may not request the approval to terminate their own contract', async () => {
    const me = await absentColleague('吴人事');
    await t.db.exitProcess.update({ where: { id: me.processId }, data: { state: 'UNION_NOTIFIED' } });
    await expect(requestTerminationApproval(c.deps, { processId: me.processId, actor: me.actor })).rejects.toMatchObject(OWN_CASE);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: me.processId } })).approvalId).toBeNull();
  });
});

describe('HR leaving by agreement or resignation', () => {
  it('may not accept their own resignation; a colleague may', async () => {
    const me = await makeActor(c.deps, ['HR_SPECIALIST'], { name: '郑人事', startDate: '2025-01-06' });
    const { processId } = await requestResignation(c.deps, { actor: me.actor, lastDay: '2026-12-20', reason: '个人发展' });
    await expect(acceptResignation(c.deps, { processId, actor: me.actor })).rejects.toMatchObject(OWN_CASE);
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: processId } })).state).toBe('REQUESTED');
    expect((await acceptResignation(c.deps, { processId, actor: c.manager.actor })).text).toContain('已确认收到');
  });

  it('may not record a mutual agreement about themselves, nor move their own status', async () => {
    const me = await makeActor(c.deps, ['HR_MANAGER'], { name: '冯经理', startDate: '2025-01-06' });
    await expect(startMutualExit(c.deps, { actor: me.actor, employeeId: me.employee.id, exitDate: '2026-11-30', agreedOn: '2026-11-01', reason: '协商一致', proposedBy: 'employee' }))
      .rejects.toMatchObject({ status: 403, message: '协商解除劳动合同与你本人有关，不能由你自己办理，请由其他人事同事或管理员办理' });
    await expect(transitionEmployeeStatus(c.deps, { actor: me.actor, id: me.employee.id, to: 'PENDING_EXIT', reason: '我要走了' })).rejects.toMatchObject({ status: 403 });
    expect(await t.db.exitProcess.count({ where: { employeeId: me.employee.id } })).toBe(0);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: me.employee.id } })).status).toBe('ACTIVE');
  });
});
