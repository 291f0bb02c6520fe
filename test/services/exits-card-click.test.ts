// The exit card buttons: only a recipient with the HR role may click, a forged card key or action
// changes nothing, the click runs the same service as REST, and a second click says who did it.
import { describe, expect, it } from 'vitest';
import { EXIT_ACCEPT_RESIGNATION, EXIT_REQUEST_TERMINATION, EXIT_SEND_NOTICE, ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { recordUnionAnswer } from '../../src/services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../src/services/exits/record-union-notification.ts';
import { sendExitNotice } from '../../src/services/exits/send-exit-notice.ts';
import { decideExitCard } from '../../src/services/exits/decide-exit-card.ts';
import { requestResignation } from '../../src/services/exits/request-resignation.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { exitCompany } from './exits-kit.ts';

const t = await createTestDb();
const c = await exitCompany(t);

describe('exit card clicks', () => {
  it('sends the notice on 发送通知 from the HR recipient only, once', async () => {
    const { employee, absenceCaseId } = await c.absentEmployee('冯十二');
    const { exitProcessId } = await c.start(employee.id, absenceCaseId);
    const card = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: exitProcessId, type: 'exit.notice_ready' } });
    const click = { cardKey: card.cardKey, actionId: EXIT_SEND_NOTICE, platform: 'sandbox' as const, platformUserId: 'hr-s', actor: c.hr.actor };

    const stranger = await makeActor(c.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-x' } });
    expect((await decideExitCard(c.deps, { ...click, platformUserId: 'hr-x', actor: stranger.actor })).text).toBe('你不是这张卡片的处理人');
    const staff = await makeActor(c.deps, ['EMPLOYEE']);
    expect((await decideExitCard(c.deps, { ...click, actor: staff.actor })).text).toBe('只有人事可以处理离职流程');
    expect((await decideExitCard(c.deps, { ...click, cardKey: 'ex-forged-notice1-sandbox' })).text).toBe('找不到这张卡片，可能已失效');
    expect((await decideExitCard(c.deps, { ...click, actionId: ONBOARDING_ARRIVED })).text).toBe('无法识别的操作，请刷新卡片后重试');
    expect((await decideExitCard(c.deps, { ...click, actionId: EXIT_ACCEPT_RESIGNATION })).text).toBe('找不到这张卡片，可能已失效');
    expect(await t.db.exitStep.count({ where: { processId: exitProcessId } })).toBe(0);

    expect((await decideExitCard(c.deps, click)).text).toContain('已向 冯十二 发送第一次返岗通知书，待送达：返岗期限自送达之日起 3 日');
    expect((await decideExitCard(c.deps, click)).text).toMatch(/^这张卡片已由 李人事 于 2026-11-02 10:00 处理/);
    expect(await t.db.exitStep.count({ where: { processId: exitProcessId } })).toBe(1);
    const updates = c.outbox.messages.filter((m) => m.payload.kind === 'card_update');
    expect(JSON.stringify(updates.at(-1)?.payload)).toContain('已发送，送达后起算返岗期限');
  });

  it('acknowledges a resignation on 确认收到', async () => {
    const e = await makeEmployee(c.deps, { name: '陈十三' });
    const actor = await loadEmployeeActor(t.db, e.id);
    const { processId } = await requestResignation(c.deps, { actor: actor!, lastDay: '2026-12-02', reason: '回老家' });
    const card = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: processId, type: 'exit.resignation' } });
    const clicked = { cardKey: card.cardKey, actionId: EXIT_ACCEPT_RESIGNATION, platform: 'sandbox' as const, platformUserId: 'hr-s', actor: c.hr.actor };
    // A click the service refuses keeps no response code: it is stored in the deciding transaction.
    await t.db.exitProcess.update({ where: { id: processId }, data: { state: 'WITHDRAWN' } });
    expect((await decideExitCard(c.deps, { ...clicked, responseCode: 'code-refused' })).text).toContain('该离职申请当前为');
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { id: card.id } })).responseCodes).toBeNull();
    await t.db.exitProcess.update({ where: { id: processId }, data: { state: 'REQUESTED' } });
    const res = await decideExitCard(c.deps, { ...clicked, responseCode: 'code-1' });
    expect(res.text).toBe('已确认收到 陈十三 的离职申请，离职日期 2026-12-02');
    expect((await t.db.exitProcess.findUniqueOrThrow({ where: { id: processId } })).state).toBe('ACCEPTED');
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { id: card.id } })).responseCodes).toMatchObject({ 'hr-s': 'code-1' });
  });

  it('submits the termination from the 提交审批 card, and a rejection sends the case back to HR', async () => {
    c.setNow('2026-11-02 10:00');
    const { employee, absenceCaseId } = await c.absentEmployee('褚十四');
    const { exitProcessId: id } = await c.start(employee.id, absenceCaseId);
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    await c.deliverChat(id, 'return_notice_1', '2026-11-02 10:00');
    await c.job('2026-11-05');
    c.setNow('2026-11-06 09:00');
    await sendExitNotice(c.deps, { processId: id, actor: c.hr.actor });
    await c.deliverChat(id, 'return_notice_2', '2026-11-06 09:00');
    await c.job('2026-11-09');
    c.setNow('2026-11-10 09:00');
    await recordUnionNotification(c.deps, { processId: id, actor: c.hr.actor, notifiedOn: '2026-11-10', reply: '请核实缺勤原因' });
    await recordUnionAnswer(c.deps, { processId: id, actor: c.hr.actor, answeredOn: '2026-11-10', companyAnswer: '公司将核实缺勤原因后再作决定' });
    const card = await t.db.cardInstance.findFirstOrThrow({ where: { subjectId: id, type: 'exit.next_step', state: 'OPEN' } });
    const res = await decideExitCard(c.deps, { cardKey: card.cardKey, actionId: EXIT_REQUEST_TERMINATION, platform: 'sandbox', platformUserId: 'hr-s', actor: c.hr.actor });
    expect(res.text).toContain('已提交「解除劳动合同审批：褚十四」');
    const { approvalId } = await t.db.exitProcess.findUniqueOrThrow({ where: { id } });
    await decideApproval(c.deps, { approvalId: approvalId!, decision: 'REJECT', comment: '先核实', actor: c.manager.actor, channel: 'api' });
    const after = await t.db.exitProcess.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ state: 'UNION_NOTIFIED', approvalId: null });
    expect(after.note).toContain('驳回');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: employee.id } })).status).toBe('ABSCONDED');
    expect(await t.db.cardInstance.count({ where: { subjectId: id, type: 'exit.next_step', state: 'OPEN' } })).toBe(1);
  });
});
