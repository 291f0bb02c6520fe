// The approval round trip on WeCom through the real HTTP stack: each HR manager's card goes out
// through the outbox to the WeCom fake, a signed template_card_event approves, every card is
// updated (update_template_card) to show who decided and when, a repeated click gives no second
// decision, and a click by someone who is not the approver gets a polite reply and changes nothing.
import { describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { sleep, waitFor } from '../outbox/outbox-kit.ts';
import { registerTestDefinitions } from '../services/approvals-kit.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';

const t = await createTestDb();
registerTestDefinitions();
const { fake, deps, startWorkers, click } = await wecomDeployment(t);

const textsTo = (userId: string) => fake.deliveredTo(userId).filter((d) => d.msgtype === 'text').map((d) => String(d.message.content));

describe('approval over WeCom', () => {
  it('approves through a signed card callback, once, and shows every approver who decided', async () => {
    await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { wecom: 'hrm-a' } });
    await makeEmployee(t.deps, { name: '赵经理', roles: ['HR_MANAGER'], identities: { wecom: 'hrm-b' } });
    await makeEmployee(t.deps, { name: '路人甲', identities: { wecom: 'out-x' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { wecom: 'hr-s' } });
    const subject = await makeEmployee(t.deps, { name: '张三' });
    await startWorkers();

    const { approvalId } = await t.db.$transaction((tx) => startApproval(deps, tx, {
      definition: 'test-any', subjectType: 'test-subject', subjectId: subject.id, subjectEmployeeId: subject.id,
      title: '社保例外审批：张三', summary: [{ label: '员工', value: '张三' }], submitter: hr.actor,
    }));
    const cards = await waitFor('both approval cards at WeCom', async () => {
      const sent = fake.delivered.filter((d) => d.msgtype === 'template_card');
      return sent.length === 2 ? sent : undefined;
    });
    expect(cards.map((d) => d.userId).sort()).toEqual(['hrm-a', 'hrm-b']);
    const taskOf = (userId: string) => cards.find((d) => d.userId === userId)!.taskId!;
    expect(cards[0]!.message).toMatchObject({ card_type: 'button_interaction', main_title: { title: '社保例外审批：张三' } });

    // Someone who is not the approver clicks a forwarded card: polite reply, nothing changes.
    expect((await click({ from: 'out-x', taskId: taskOf('hrm-a'), eventKey: APPROVAL_APPROVE, responseCode: 'rc-forged' }).send()).status).toBe(200);
    await waitFor('the polite reply', async () => textsTo('out-x').includes('这张审批卡片不是发给你的，无法代为处理'));
    expect(await t.db.approvalDecision.count()).toBe(0);

    const code = await waitFor('hrm-a\'s response code', async () => {
      const card = await t.db.cardInstance.findUnique({ where: { cardKey: taskOf('hrm-a') } });
      return (card?.responseCodes as Record<string, string> | null)?.['hrm-a'];
    });
    const res = await click({ from: 'hrm-a', taskId: taskOf('hrm-a'), eventKey: APPROVAL_APPROVE, responseCode: code }).send();
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await waitFor('the approval to be APPROVED', async () => (await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status === 'APPROVED');
    const updates = await waitFor('update_template_card for both', async () => (fake.cardUpdates.flatMap((u) => u.userIds).length >= 2 ? fake.cardUpdates : undefined));
    expect(updates.flatMap((u) => u.userIds).sort()).toEqual(['hrm-a', 'hrm-b']);
    for (const u of updates) expect(JSON.stringify(u.card)).toMatch(/已同意 · 王经理 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await waitFor('the approver\'s confirmation', async () => textsTo('hrm-a').includes('已同意「社保例外审批：张三」，审批通过'));

    // The same click again, as a new delivery (another CreateTime): one decision stays one.
    await sleep(1100);
    expect((await click({ from: 'hrm-a', taskId: taskOf('hrm-a'), eventKey: APPROVAL_APPROVE, responseCode: 'rc-again' }).send()).status).toBe(200);
    await waitFor('the repeat answer', async () => textsTo('hrm-a').some((x) => x.startsWith('这张审批卡片已由 王经理')));
    expect(await t.db.approvalDecision.count()).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'approval.decided' } })).toBe(1);
  });
});
