// 「待办」 over WeCom through the real stack: a signed text callback from a manager with a pending
// approval is acked at once, the answer arrives out of band as template cards at the WeCom fake,
// and 同意 on the approval card sent in that answer decides the approval.
import { describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { textMessageXml, wecomCrypto, wecomPost } from '../receivers/helpers/signed-callbacks.ts';
import { registerTestDefinitions } from '../services/approvals-kit.ts';
import { wecomDeployment } from './wecom-e2e-kit.ts';

const t = await createTestDb();
registerTestDefinitions();
const { fake, deps, request, startWorkers, click } = await wecomDeployment(t);

describe('「待办」 over WeCom', () => {
  it('answers a manager with the pending approval as a card whose 同意 approves it', async () => {
    await makeEmployee(t.deps, { name: '王经理', roles: ['HR_MANAGER'], identities: { wecom: 'hrm-w' } });
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { wecom: 'hr-w' } });
    const subject = await makeEmployee(t.deps, { name: '张三' });
    await startWorkers();
    const { approvalId } = await t.db.$transaction((tx) => startApproval(deps, tx, {
      definition: 'test-any', subjectType: 'test-subject', subjectId: subject.id, subjectEmployeeId: subject.id,
      title: '社保例外审批：张三', summary: [{ label: '员工', value: '张三' }], submitter: hr.actor,
    }));
    const first = await waitFor('the approval card', async () => fake.delivered.find((d) => d.msgtype === 'template_card' && d.userId === 'hrm-w'));

    const crypto = wecomCrypto(fake.corpId);
    const req = wecomPost(crypto, crypto.encrypt(textMessageXml({ from: 'hrm-w', msgId: '7300000000000000001', content: '待办' })), new Date());
    const res = await request.post(req.path).set('Content-Type', 'text/xml').send(req.body);
    expect([res.status, res.text]).toEqual([200, '']);

    const answered = await waitFor('the todo and approval cards', async () => {
      const sent = fake.delivered.filter((d) => d.msgtype === 'template_card' && d.userId === 'hrm-w' && d.taskId !== first.taskId);
      return sent.length === 2 ? sent : undefined;
    });
    const todo = answered.find((d) => d.taskId!.startsWith('todo-'))!;
    expect(todo.message).toMatchObject({ main_title: { title: '我的待办' }, horizontal_content_list: [{ keyname: '待我审批', value: '社保例外审批：张三' }] });
    const approvalCard = answered.find((d) => d.taskId!.startsWith('apr-'))!;
    expect(approvalCard.message).toMatchObject({ card_type: 'button_interaction', main_title: { title: '社保例外审批：张三' } });

    expect((await click({ from: 'hrm-w', taskId: approvalCard.taskId!, eventKey: APPROVAL_APPROVE, responseCode: 'rc-todo' }).send()).status).toBe(200);
    await waitFor('the approval to be APPROVED', async () => (await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status === 'APPROVED');
    expect(await t.db.approvalDecision.count()).toBe(1);
  });
});
