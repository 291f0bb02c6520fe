// Four-eyes in the approval engine (issue 13 §1): the submitter and the employee an approval is
// about never decide it. When they are the only holders of the approver role, the step goes to
// the next escalation level (the admins); a decision or card click by them is refused, unchanged.
import { beforeEach, describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import { decideApprovalFromCard } from '../../src/services/approvals/decide-approval-from-card.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { approvalCardKey, queueApprovalCards } from '../../src/services/approvals/queue-approval-cards.ts';
import { startApproval } from '../../src/services/approvals/start-approval.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { freshCompany, registerTestDefinitions, submit, type Company } from './approvals-kit.ts';

const t = await createTestDb({ now: () => new Date('2026-12-01T02:00:00.000Z') });
registerTestDefinitions();
const { deps, outbox } = withRecordingOutbox(t.deps);
const { request } = createTestApp({ ...t, deps });
let c: Company;

beforeEach(async () => {
  c = await freshCompany(deps);
  // 王经理 is the company's only HR manager.
  await t.db.roleAssignment.deleteMany({ where: { employeeId: c.hrm2.employee.id, role: 'HR_MANAGER' } });
  outbox.messages.length = 0;
});

const stepOf = (approvalId: string) => t.db.approvalStep.findFirstOrThrow({ where: { approvalId } });
const approveAs = (approvalId: string, who: Company['hrm1']) => decideApproval(deps, { approvalId, decision: 'APPROVE', actor: who.actor, channel: 'h5' });
const aboutManager = (submitter: Company['hr']) => t.db.$transaction((tx) => startApproval(deps, tx, {
  definition: 'test-any', subjectType: 'test-subject', subjectId: c.hrm1.employee.id, subjectEmployeeId: c.hrm1.employee.id,
  title: '社保例外审批：王经理', summary: [{ label: '员工', value: '王经理' }], submitter: submitter.actor,
}));

describe('approvers at submission', () => {
  it('sends what the only HR manager submitted to the admins, at the escalation level', async () => {
    const { approvalId } = await submit(deps, c, 'test-any', c.hrm1.actor);
    expect(await stepOf(approvalId)).toMatchObject({ approverIds: [c.admin.employee.id], level: 1 });
    expect(outbox.messages.filter((m) => m.payload.kind === 'card').map((m) => m.recipients)).toEqual([['admin-1']]);
  });

  it('sends an approval about the only HR manager to the admins', async () => {
    const { approvalId } = await aboutManager(c.hr);
    expect(await stepOf(approvalId)).toMatchObject({ approverIds: [c.admin.employee.id], level: 1 });
  });
});

describe('deciding one\'s own approval', () => {
  it('refuses the HR manager approving what they submitted, naming who can, and changes nothing', async () => {
    const { approvalId } = await submit(deps, c, 'test-any', c.hrm1.actor);
    await t.db.approvalStep.updateMany({ where: { approvalId }, data: { approverIds: [c.hrm1.employee.id, c.admin.employee.id] } }); // as listed before the rule
    await expect(approveAs(approvalId, c.hrm1)).rejects.toMatchObject({ status: 403, message: '这条审批是你提交的，不能由你本人审批，请由钱总审批' });
    expect(await t.db.approvalDecision.count()).toBe(0);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');
    expect((await approveAs(approvalId, c.admin)).status).toBe('APPROVED');
  });

  it('refuses the HR manager approving an approval about themselves through the API', async () => {
    const { approvalId } = await aboutManager(c.hr);
    await t.db.approvalStep.updateMany({ where: { approvalId }, data: { approverIds: [c.hrm1.employee.id] } });
    const { token } = await createSession(t.deps, { employeeId: c.hrm1.employee.id, platform: 'sandbox', method: 'test' });
    const res = await request.post(`/api/v1/approvals/${approvalId}/decisions`).set({ Authorization: `Bearer ${token}` }).send({ decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('这条审批与你本人有关，不能由你本人审批，请由其他人事经理或管理员审批');
    expect(await t.db.approvalDecision.count()).toBe(0);
  });

  it('answers the HR manager clicking 同意 on a card of their own submission politely, changing nothing', async () => {
    const { approvalId } = await submit(deps, c, 'test-any', c.hrm1.actor);
    // A card that reached them before the rule existed.
    await t.db.$transaction(async (tx) => {
      const step = await tx.approvalStep.update({ where: { id: (await stepOf(approvalId)).id }, data: { approverIds: [c.hrm1.employee.id] } });
      const approval = await tx.approval.findUniqueOrThrow({ where: { id: approvalId } });
      await queueApprovalCards(deps, tx, { approval, step, stepCount: 1, submitterName: '王经理', actor: c.hrm1.actor, subjectEmployeeId: c.subject.id });
    });
    const step = await stepOf(approvalId);
    const reply = await decideApprovalFromCard(deps, {
      cardKey: approvalCardKey(step.id, step.level, c.hrm1.employee.id, 'sandbox'), actionId: APPROVAL_APPROVE, actor: c.hrm1.actor, platform: 'sandbox', platformUserId: 'hrm-1',
    });
    expect(reply.text).toBe('这条审批是你提交的，不能由你本人审批，请由其他人事经理或管理员审批');
    expect(await t.db.approvalDecision.count()).toBe(0);
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('PENDING');
  });
});
