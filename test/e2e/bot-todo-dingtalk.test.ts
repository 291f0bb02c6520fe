// 「待办」 over DingTalk Stream: a robot text from a manager with a pending approval is acked, the
// answer arrives as cards at the DingTalk API fake, and 同意 on the approval card sent in that
// answer, pushed back as a card callback, decides the approval.
import { TOPIC_CARD, TOPIC_ROBOT } from 'dingtalk-stream';
import { describe, expect, it, vi } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { registerTestDefinitions } from '../services/approvals-kit.ts';
import { dingtalkDeployment } from './dingtalk-e2e-kit.ts';

const t = await createTestDb();
registerTestDefinitions();
const { api, gateway, deps, receiver, startWorkers } = await dingtalkDeployment(t);

describe('「待办」 over DingTalk', () => {
  it('answers a manager with the pending approval as a card whose 同意 approves it', async () => {
    await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { dingtalk: 'ding-hrm' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { dingtalk: 'ding-hr' } });
    const subject = await makeEmployee(t.deps, { name: '张三' });
    await startWorkers();
    await vi.waitFor(() => expect(receiver.state().state).toBe('connected'), { timeout: 5000, interval: 20 });
    const { approvalId } = await t.db.$transaction((tx) => startApproval(deps, tx, {
      definition: 'test-any', subjectType: 'test-subject', subjectId: subject.id, subjectEmployeeId: subject.id,
      title: '社保例外审批：张三', summary: [{ label: '员工', value: '张三' }], submitter: hr.actor,
    }));
    await waitFor('the first approval card', async () => [...api.cards.values()].find((c) => c.userIds.includes('ding-hrm')));
    const before = new Set(api.cards.keys());

    const text = gateway.pushCallback(TOPIC_ROBOT, { msgId: 'msg-todo-1', msgtype: 'text', text: { content: '待办' }, senderStaffId: 'ding-hrm', conversationType: '1' });
    expect((await gateway.waitForAck(text.messageId, 1, 2000)).code).toBe(200);
    const answered = await waitFor('the todo and approval cards', async () => {
      const fresh = [...api.cards.values()].filter((c) => !before.has(c.outTrackId));
      return fresh.length === 2 ? fresh : undefined;
    });
    expect(answered.every((c) => c.userIds.join() === 'ding-hrm')).toBe(true);
    expect(JSON.stringify(answered.find((c) => c.outTrackId.startsWith('todo-')))).toContain('社保例外审批：张三');
    const approvalCard = answered.find((c) => c.outTrackId.startsWith('apr-'))!;

    const click = { type: 'actionCallback', outTrackId: approvalCard.outTrackId, userId: 'ding-hrm', corpId: 'ding-corp', content: JSON.stringify({ cardPrivateData: { actionIds: [APPROVAL_APPROVE], params: {} } }) };
    expect((await gateway.waitForAck(gateway.pushCallback(TOPIC_CARD, click).messageId, 1, 2000)).code).toBe(200);
    await waitFor('the approval to be APPROVED', async () => (await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status === 'APPROVED');
    expect(await t.db.approvalDecision.count()).toBe(1);
    const updated = await waitFor('the answered card closed', async () => (approvalCard.updates.length > 0 ? approvalCard.updates : undefined));
    expect(JSON.stringify(updated.at(-1))).toContain('已同意');
  });
});
