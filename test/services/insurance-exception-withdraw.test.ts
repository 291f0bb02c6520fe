// The employee withdraws their own request, also once it is with the HR manager: the running
// approval is withdrawn with it (its cards show 已撤回), HR's request card is closed, and the audit
// log says who did it. Nobody else can: another employee, HR and the admin token are refused and
// nothing changes. The new lawful categories open the enrolment task of what they still owe.
import { describe, expect, it } from 'vitest';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { withdrawApproval } from '../../src/services/approvals/withdraw-approval.ts';
import { getInsuranceException } from '../../src/services/exceptions/get-insurance-exception.ts';
import { submitInsuranceException } from '../../src/services/exceptions/submit-insurance-exception.ts';
import { enrolmentCandidatePages } from '../../src/services/enrolment/find-enrolment-candidates.ts';
import { withdrawInsuranceException } from '../../src/services/exceptions/withdraw-insurance-exception.ts';
import { completeException, submittedException } from '../helpers/exception-kit.ts';
import { makeActor } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-20T02:00:00Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; code: string; message: string });
const hrs = await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
const hrm = await makeActor(deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });
const admin = { kind: 'admin' as const, id: 'admin-token', name: '管理员令牌', roles: ['ADMIN' as const] };

describe('an employee withdraws a submitted request', () => {
  it('withdraws the request and its running approval in one go, closing the approval and request cards', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '小吴', startDate: '2026-11-10', identities: { sandbox: 'wu' } });
    const { id, approvalId } = await submittedException(deps, { emp, hr: hrs, category: 'OTHER_EMPLOYER_PAYS', coversMonth: '2026-10' });
    expect(await t.db.cardInstance.count({ where: { subjectType: 'approval.step', state: 'OPEN' } })).toBeGreaterThan(0);
    expect((await getInsuranceException(deps, { actor: emp.actor, id })).canWithdraw).toBe(true);
    outbox.messages.length = 0;

    const after = await withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: id });
    expect(after).toMatchObject({ status: 'WITHDRAWN', approvalId });
    expect(await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'WITHDRAWN' });
    const steps = await t.db.approvalStep.findMany({ where: { approvalId } });
    expect(steps.map((s) => s.status)).toEqual(['WITHDRAWN']);
    const stepCards = await t.db.cardInstance.findMany({ where: { subjectType: 'approval.step', subjectId: { in: steps.map((s) => s.id) } } });
    expect(stepCards.length).toBeGreaterThan(0);
    expect(stepCards.map((c) => [c.state, c.decidedByName])).toEqual(stepCards.map(() => ['DECIDED', '小吴']));
    const requestCards = await t.db.cardInstance.findMany({ where: { subjectType: 'insurance_exception', subjectId: id, type: 'exception.request' } });
    expect(requestCards.map((c) => c.state)).toEqual(['DECIDED']);
    const updates = outbox.messages.filter((m) => m.payload.kind === 'card_update');
    expect(updates.map((m) => (m.payload.kind === 'card_update' ? m.payload.card.decided?.label : undefined)).sort()).toEqual([...stepCards.map(() => '已撤回'), '员工已撤回申请'].sort());

    const events = await t.db.auditEvent.findMany({ where: { type: { in: ['exception.withdrawn', 'approval.withdrawn'] } }, orderBy: { seq: 'asc' } });
    const mine = events.filter((e) => JSON.stringify(e.data).includes(approvalId));
    expect(mine.map((e) => [e.type, (e.actor as { name: string }).name])).toEqual([['approval.withdrawn', '小吴'], ['exception.withdrawn', '小吴']]);
    expect(mine[1]?.data).toMatchObject({ exceptionId: id, from: 'SUBMITTED', approvalId, cardsClosed: 1 });

    // Done once: a second withdrawal is refused, and a late decision changes nothing.
    expect(await failure(withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: id }))).toMatchObject({ status: 409, message: '该申请已撤回，不能撤回' });
    await decideApproval(deps, { approvalId, decision: 'APPROVE', actor: hrm.actor, channel: 'h5' }).catch(() => undefined);
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('refuses another employee, HR and the admin token in Chinese, changing nothing', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '小郑', startDate: '2026-11-10' });
    const other = await makeActor(deps, ['EMPLOYEE']);
    const { id, approvalId } = await submittedException(deps, { emp, hr: hrs, category: 'PART_TIME', coversMonth: '2026-10' });
    expect(await failure(withdrawInsuranceException(deps, { actor: other.actor, exceptionId: id }))).toMatchObject({ status: 403, message: '只能撤回本人的社保例外申请；已提交审批的申请，人事可在审批中撤回' });
    expect(await failure(withdrawInsuranceException(deps, { actor: hrs.actor, exceptionId: id }))).toMatchObject({ status: 403, message: expect.stringContaining('人事可在审批中撤回') });
    expect(await failure(withdrawInsuranceException(deps, { actor: admin, exceptionId: id }))).toMatchObject({ status: 403, message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect((await getInsuranceException(deps, { actor: other.actor, id }).catch(() => null))).toBeNull();
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SUBMITTED', version: 1 });
    expect(await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).toMatchObject({ status: 'PENDING' });
    expect(await t.db.auditEvent.count({ where: { type: 'exception.withdrawn', subjectId: id } })).toBe(0);

    // HR's way back is the approval: the request returns to DRAFT, and then the employee may still withdraw it.
    await withdrawApproval(deps, { approvalId, actor: hrs.actor });
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', approvalId: null });
    expect((await withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: id })).status).toBe('WITHDRAWN');
  });

  it('cannot withdraw once the HR manager has decided', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '小钱', startDate: '2026-11-10' });
    const { id, approvalId } = await submittedException(deps, { emp, hr: hrs, category: 'DISPATCHED', coversMonth: '2026-10' });
    await decideApproval(deps, { approvalId, decision: 'APPROVE', actor: hrm.actor, channel: 'h5' });
    expect(await failure(withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: id }))).toMatchObject({ status: 409, message: '该申请已批准，不能撤回' });
    expect((await getInsuranceException(deps, { actor: emp.actor, id })).canWithdraw).toBe(false);
  });
});

describe('what the new lawful categories still owe here', () => {
  it('opens the enrolment task for the owed types only: 医疗、工伤、生育 for a treaty national, nothing for a dispatched worker', async () => {
    const foreign = await makeActor(deps, ['EMPLOYEE'], { name: 'Hans', startDate: '2026-11-02' });
    const f = await submittedException(deps, { emp: foreign, hr: hrs, category: 'FOREIGN_AGREEMENT', coversMonth: '2026-10' });
    await decideApproval(deps, { approvalId: f.approvalId, decision: 'APPROVE', actor: hrm.actor, channel: 'h5' });
    const tasks = await t.db.complianceTask.findMany({ where: { subjectId: f.id } });
    expect(tasks.map((x) => [x.kind, x.title, x.details])).toEqual([[
      'enrolment.owed', '仍须为Hans办理医疗保险、工伤保险、生育保险增员', expect.objectContaining({ insuranceTypes: ['MEDICAL', 'INJURY', 'MATERNITY'], legalBasis: expect.stringContaining('人社部令第16号 第六条') }),
    ]]);
    const view = await getInsuranceException(deps, { actor: hrs.actor, id: f.id });
    expect(view.owedInsurances.map((o) => o.label)).toEqual(['医疗保险', '工伤保险', '生育保险']);

    const dispatched = await makeActor(deps, ['EMPLOYEE'], { name: '派遣工', startDate: '2026-11-02' });
    const d = await submittedException(deps, { emp: dispatched, hr: hrs, category: 'DISPATCHED', coversMonth: '2026-10' });
    await decideApproval(deps, { approvalId: d.approvalId, decision: 'APPROVE', actor: hrm.actor, channel: 'h5' });
    expect(await t.db.complianceTask.count({ where: { subjectId: d.id } })).toBe(0);
    expect((await getInsuranceException(deps, { actor: hrs.actor, id: d.id })).owedInsurances).toEqual([]);

    // The enrolment sweep: the dispatched worker owes nothing here; the treaty national still does.
    const candidates: string[] = [];
    for await (const page of enrolmentCandidatePages(t.db, { asOf: '2026-12-31' })) candidates.push(...page.map((c) => c.name));
    expect(candidates).toContain('Hans');
    expect(candidates).not.toContain('派遣工');
  });

  it('asks a student intern for both the student status and the internship agreement before HR can submit', async () => {
    const student = await makeActor(deps, ['EMPLOYEE'], { name: '实习生', startDate: '2026-11-02' });
    const id = await completeException(deps, { emp: student, category: 'STUDENT_INTERN', coversMonth: '2026-10' });
    const view = await getInsuranceException(deps, { actor: hrs.actor, id });
    expect(view.documents.map((x) => [x.label, x.present])).toEqual([['员工签署的声明', true], ['学生证或学籍证明', true], ['实习协议', true]]);
    await t.db.proof.deleteMany({ where: { exceptionId: id, kind: 'INTERNSHIP_AGREEMENT' } });
    expect(await failure(submitInsuranceException(deps, { actor: hrs.actor, exceptionId: id }))).toMatchObject({ status: 400, message: '无法提交：缺少必需材料「实习协议」' });
  });
});
