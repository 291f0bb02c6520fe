import { beforeEach, describe, expect, it } from 'vitest';
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { withdrawApproval } from '../../src/services/approvals/withdraw-approval.ts';
import { AppError } from '../../src/errors.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { freshCompany, hookCalls, registerTestDefinitions, submit, type Company } from './approvals-kit.ts';

const submittedAt = new Date('2026-12-01T02:00:00.000Z'); // 10:00 in Beijing
let clock = submittedAt;
const t = await createTestDb({ now: () => clock });
registerTestDefinitions();
const { deps, outbox } = withRecordingOutbox(t.deps);
let c: Company;

beforeEach(async () => {
  clock = submittedAt;
  outbox.messages.length = 0;
  hookCalls.length = 0;
  c = await freshCompany(deps);
});

const approve = (approvalId: string, who: Company['hrm1'], comment?: string) => decideApproval(deps, { approvalId, decision: 'APPROVE', comment, actor: who.actor, channel: 'h5' });
const reject = (approvalId: string, who: Company['hrm1'], comment?: string) => decideApproval(deps, { approvalId, decision: 'REJECT', comment, actor: who.actor, channel: 'h5' });
const load = (id: string) => t.db.approval.findUniqueOrThrow({ where: { id }, include: { steps: { orderBy: { index: 'asc' }, include: { decisions: true } } } });
const cardsOf = async (id: string) => {
  const steps = await t.db.approvalStep.findMany({ where: { approvalId: id }, select: { id: true } });
  return t.db.cardInstance.findMany({ where: { subjectId: { in: steps.map((s) => s.id) } }, orderBy: { cardKey: 'asc' } });
};

describe('startApproval', () => {
  it('resolves a role to its holders, activates step 0 and sends each approver their own card', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    const a = await load(approvalId);
    expect(a).toMatchObject({ status: 'PENDING', currentStep: 0, submitterId: c.hr.employee.id });
    expect(a.steps[0]).toMatchObject({ status: 'ACTIVE', mode: 'any', slaHours: 24, activatedAt: submittedAt });
    expect([...a.steps[0]!.approverIds].sort()).toEqual([c.hrm1.employee.id, c.hrm2.employee.id].sort());
    const cards = outbox.messages.filter((m) => m.payload.kind === 'card');
    expect(cards.map((m) => m.recipients[0]).sort()).toEqual(['hrm-1', 'hrm-2']);
    const card = cards[0]!.payload.kind === 'card' ? cards[0]!.payload.card : undefined;
    expect(card).toMatchObject({ type: 'approval.request', title: '测试审批：张三', subtitle: '李人事 提交的审批' });
    expect(card?.rows).toEqual([{ label: '员工', value: '张三' }, { label: '事由', value: '测试' }, { label: '步骤', value: '第1步/共1步 人事经理审批' }, { label: '截止', value: '2026-12-02 10:00' }]);
    expect(card?.buttons.at(-1)).toEqual({ kind: 'link', text: '详情', url: `http://localhost:3000/app/todo/${approvalId}` });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'approval.submitted', data: { path: ['approvalId'], equals: approvalId } } });
    expect(audit).toMatchObject({ subjectType: 'employee', subjectId: c.subject.id });
  });

  it('resolves the line manager of the subject employee', async () => {
    const { approvalId } = await submit(deps, c, 'test-two-step');
    const a = await load(approvalId);
    expect(a.steps.map((s) => [s.status, s.approverIds.length])).toEqual([['ACTIVE', 1], ['WAITING', 2]]);
    expect(a.steps[0]!.approverIds).toEqual([c.lead.employee.id]);
  });

  it('names the rule when it resolves to nobody, and creates nothing', async () => {
    await t.db.roleAssignment.deleteMany({ where: { role: 'HR_MANAGER' } });
    await expect(submit(deps, c, 'test-any')).rejects.toThrow(/^没有可审批的人事经理/);
    expect(await t.db.approval.count()).toBe(0);
    expect(outbox.messages).toHaveLength(0);
  });

  it('resolves a named user, and hands a step whose only approver is the subject to the admins', async () => {
    const { approvalDefinitions } = await import('../../src/services/approvals/approval-definitions.ts');
    approvalDefinitions['test-user'] = { name: 'test-user', subjectType: 'test-subject', steps: [{ name: '指定', approvers: { kind: 'user', employeeId: c.admin.employee.id }, mode: 'any', escalateTo: [] }] };
    approvalDefinitions['test-self'] = { name: 'test-self', subjectType: 'test-subject', steps: [{ name: '指定', approvers: { kind: 'user', employeeId: c.subject.id }, mode: 'any', escalateTo: [] }] };
    try {
      const { approvalId } = await submit(deps, c, 'test-user');
      expect((await load(approvalId)).steps[0]!.approverIds).toEqual([c.admin.employee.id]);
      const self = await submit(deps, c, 'test-self');
      expect((await load(self.approvalId)).steps[0]!.approverIds).toEqual([c.admin.employee.id]);
    } finally {
      delete approvalDefinitions['test-user'];
      delete approvalDefinitions['test-self'];
    }
  });

  it('refuses an unknown definition, a wrong subject type and an oversized summary', async () => {
    await expect(submit(deps, c, 'no-such-flow')).rejects.toThrow('未知的审批流程「no-such-flow」');
    const { startApproval } = await import('../../src/services/approvals/start-approval.ts');
    const base = { definition: 'test-any', subjectType: 'test-subject', subjectId: c.subject.id, subjectEmployeeId: c.subject.id, title: 't', summary: [], submitter: c.hr.actor };
    await expect(t.db.$transaction((tx) => startApproval(deps, tx, { ...base, subjectType: 'other' }))).rejects.toThrow('只用于 test-subject');
    const five = Array.from({ length: 5 }, (_, i) => ({ label: `L${i}`, value: 'v' }));
    await expect(t.db.$transaction((tx) => startApproval(deps, tx, { ...base, summary: five }))).rejects.toThrow('审批摘要最多 4 行');
  });
});

describe('decideApproval', () => {
  it('any-of: the first approval decides, runs onApproved, and closes every card with who and when', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    outbox.messages.length = 0;
    clock = new Date('2026-12-01T03:30:00.000Z');
    expect(await approve(approvalId, c.hrm2, '材料齐全')).toEqual({ text: '已同意「测试审批：张三」，审批通过', status: 'APPROVED' });
    const a = await load(approvalId);
    expect(a).toMatchObject({ status: 'APPROVED', decidedAt: clock });
    expect(a.steps[0]).toMatchObject({ status: 'APPROVED', decidedAt: clock });
    expect(a.steps[0]!.decisions).toMatchObject([{ approverId: c.hrm2.employee.id, approverName: '赵经理', decision: 'APPROVE', comment: '材料齐全', channel: 'h5' }]);
    expect(hookCalls).toEqual([{ hook: 'approved', approvalId, status: 'APPROVED' }]);
    const cards = await cardsOf(approvalId);
    expect(cards.map((x) => x.state)).toEqual(['DECIDED', 'DECIDED']);
    const decided = { label: '已同意：材料齐全', byName: '赵经理', at: clock.toISOString() };
    for (const card of cards) expect(cardModelSchema.parse(card.model).decided).toEqual(decided);
    expect(outbox.messages.map((m) => [m.payload.kind, m.recipients[0]]).sort()).toEqual([['card_update', 'hrm-1'], ['card_update', 'hrm-2']]);
    const evidence = await t.db.evidenceEntry.findMany();
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ type: 'approval.decision', subjectType: 'test-subject', subjectId: c.subject.id, employeeId: c.subject.id });
    expect(await t.db.treeHead.count()).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'approval.decided', data: { path: ['approvalId'], equals: approvalId } } })).toBe(1);
  });

  it('any-of: a rejection rejects and runs onRejected', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    expect(await reject(approvalId, c.hrm1, '证明缺失')).toEqual({ text: '已驳回「测试审批：张三」', status: 'REJECTED' });
    expect((await load(approvalId)).steps[0]!.status).toBe('REJECTED');
    expect(hookCalls.map((h) => h.hook)).toEqual(['rejected']);
    expect(await approve(approvalId, c.hrm2)).toMatchObject({ text: expect.stringMatching(/^这一步已由 王经理 于 .* 处理：已驳回$/), status: 'REJECTED' });
    expect(await t.db.approvalDecision.count()).toBe(1);
  });

  it('all-of: waits for every approver, closing each one\'s own card as they approve', async () => {
    const { approvalId } = await submit(deps, c, 'test-all');
    outbox.messages.length = 0;
    expect(await approve(approvalId, c.hrm1)).toEqual({ text: '已同意「测试审批：张三」，还需 1 人同意', status: 'PENDING' });
    expect((await cardsOf(approvalId)).map((x) => x.state).sort()).toEqual(['DECIDED', 'OPEN']);
    expect(hookCalls).toEqual([]);
    expect(await approve(approvalId, c.hrm2)).toMatchObject({ status: 'APPROVED' });
    expect((await cardsOf(approvalId)).map((x) => x.state)).toEqual(['DECIDED', 'DECIDED']);
    expect(hookCalls.map((h) => h.hook)).toEqual(['approved']);
  });

  it('all-of: one rejection rejects the step', async () => {
    const { approvalId } = await submit(deps, c, 'test-all');
    await approve(approvalId, c.hrm1);
    expect(await reject(approvalId, c.hrm2)).toMatchObject({ status: 'REJECTED' });
    expect((await load(approvalId)).steps[0]!.status).toBe('REJECTED');
  });

  it('multi-step: an approved step activates the next and sends its cards; the last approval approves', async () => {
    const { approvalId } = await submit(deps, c, 'test-two-step');
    outbox.messages.length = 0;
    expect(await approve(approvalId, c.lead)).toEqual({ text: '已同意「测试审批：张三」，已转交下一步：人事经理审批', status: 'PENDING' });
    const a = await load(approvalId);
    expect(a.currentStep).toBe(1);
    expect(a.steps.map((s) => s.status)).toEqual(['APPROVED', 'ACTIVE']);
    const newCards = outbox.messages.filter((m) => m.payload.kind === 'card');
    expect(newCards.map((m) => m.recipients[0]).sort()).toEqual(['hrm-1', 'hrm-2']);
    expect(newCards[0]!.payload.kind === 'card' && newCards[0]!.payload.card.rows.find((r) => r.label === '步骤')?.value).toBe('第2步/共2步 人事经理审批');
    expect(hookCalls).toEqual([]);
    // The line manager's card still names step 0: the repeat click is answered, the current step is not theirs.
    expect(await decideApproval(deps, { approvalId, stepIndex: 0, decision: 'APPROVE', actor: c.lead.actor, channel: 'sandbox' })).toMatchObject({ text: expect.stringMatching(/^你已处理过：已同意/), status: 'PENDING' });
    await expect(approve(approvalId, c.lead)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await approve(approvalId, c.hrm1)).toMatchObject({ status: 'APPROVED' });
    expect(hookCalls.map((h) => h.hook)).toEqual(['approved']);
  });

  it('gives one decision for two simultaneous approvals by the same approver', async () => {
    const { approvalId } = await submit(deps, c, 'test-all');
    const replies = await Promise.all([approve(approvalId, c.hrm1), approve(approvalId, c.hrm1)]);
    expect(replies.map((r) => r.text).sort()).toEqual([expect.stringMatching(/^你已处理过：已同意/), '已同意「测试审批：张三」，还需 1 人同意'].sort());
    expect(await t.db.approvalDecision.count()).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'approval.decided', data: { path: ['approvalId'], equals: approvalId } } })).toBe(1);
  });

  it('gives one outcome for simultaneous approvals by two any-of approvers', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    const replies = await Promise.all([approve(approvalId, c.hrm1), approve(approvalId, c.hrm2)]);
    expect(replies.filter((r) => r.text.startsWith('这一步已由'))).toHaveLength(1);
    expect(await t.db.approvalDecision.count()).toBe(1);
    expect(hookCalls).toHaveLength(1);
  });

  it('refuses someone who is not the approver, and the admin token, changing nothing', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    outbox.messages.length = 0;
    const refused = await approve(approvalId, c.outsider).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'forbidden', message: '你不是这一步的审批人，无法处理' });
    const { adminActor } = await import('../../src/domain/actor.ts');
    await expect(decideApproval(deps, { approvalId, decision: 'APPROVE', actor: adminActor(), channel: 'api' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(approve(approvalId, c.hrm1, 'x'.repeat(501))).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await load(approvalId)).steps[0]!.status).toBe('ACTIVE');
    expect(await t.db.approvalDecision.count()).toBe(0);
    expect(outbox.messages).toHaveLength(0);
  });
});

describe('withdrawApproval', () => {
  it('lets the submitter withdraw a pending approval: cards show 已撤回, onWithdrawn runs', async () => {
    const { approvalId } = await submit(deps, c, 'test-two-step');
    outbox.messages.length = 0;
    expect(await withdrawApproval(deps, { approvalId, actor: c.hr.actor })).toEqual({ text: '已撤回「测试审批：张三」', status: 'WITHDRAWN' });
    const a = await load(approvalId);
    expect(a.status).toBe('WITHDRAWN');
    expect(a.steps.map((s) => s.status)).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    const [card] = await cardsOf(approvalId);
    expect(cardModelSchema.parse(card!.model).decided).toMatchObject({ label: '已撤回', byName: '李人事' });
    expect(outbox.messages.map((m) => m.payload.kind)).toEqual(['card_update']);
    expect(hookCalls.map((h) => h.hook)).toEqual(['withdrawn']);
    await expect(approve(approvalId, c.lead)).resolves.toMatchObject({ text: '该审批已撤回（2026-12-01 10:00），无需再处理', status: 'WITHDRAWN' });
  });

  it('refuses anyone but the submitter, and an approval that is no longer pending', async () => {
    const { approvalId } = await submit(deps, c, 'test-any');
    await expect(withdrawApproval(deps, { approvalId, actor: c.hrm1.actor })).rejects.toMatchObject({ code: 'forbidden', message: '只有提交人可以撤回这条审批' });
    await approve(approvalId, c.hrm1);
    await expect(withdrawApproval(deps, { approvalId, actor: c.hr.actor })).rejects.toMatchObject({ code: 'illegal_transition', message: '该审批已通过，不能撤回' });
    expect((await load(approvalId)).status).toBe('APPROVED');
  });
});
