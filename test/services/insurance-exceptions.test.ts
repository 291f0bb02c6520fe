// Insurance exceptions against a real database: a void waiver opens remediation and warns HR with
// the money at risk; a lawful request collects a signed declaration and a PDF proof, cannot be
// submitted while one is missing, is approved by the HR manager, is re-verified each quarter and
// lapses on a stale proof, which restarts the 30-day enrolment clock from the lapse day.
import { describe, expect, it } from 'vitest';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { exceptionReverification } from '../../src/jobs/definitions/exception-reverification.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { parseDay } from '../../src/domain/dates.ts';
import { createLogger } from '../../src/log.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { getInsuranceException } from '../../src/services/exceptions/get-insurance-exception.ts';
import { listComplianceTasks } from '../../src/services/exceptions/list-compliance-tasks.ts';
import { listInsuranceExceptions } from '../../src/services/exceptions/list-insurance-exceptions.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { submitInsuranceException } from '../../src/services/exceptions/submit-insurance-exception.ts';
import { withdrawInsuranceException } from '../../src/services/exceptions/withdraw-insurance-exception.ts';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { makeActor } from '../helpers/factories.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { nationalDefaultPeriod, storeNationalDefaultPolicy, TEST_CITY } from '../helpers/national-default-policy.ts';
import { withAlertAudience } from '../helpers/alert-audience.ts';

let clock = new Date('2026-11-20T02:00:00Z');
const t = await createTestDb({ now: () => clock });
const { deps, outbox } = withRecordingOutbox(t.deps);
const log = createLogger('silent');
const at = (day: string) => { clock = new Date(`${day}T02:00:00Z`); };
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; code: string; message: string; details?: unknown });
const cards = (type: string) => outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type === type ? [{ ...m.payload.card, to: m.recipients }] : []));

await storeNationalDefaultPolicy(t.db);
const hrs = await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
const hrm = await makeActor(deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });

describe('a waiver request (法释〔2025〕12号 第十九条)', () => {
  it('is recorded as void: REMEDIATION, an enrolment task for HR and an urgent card with the money at risk', async () => {
    at('2026-11-20');
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '张三', startDate: '2026-06-15', monthlyWage: 600_000, insuredCity: TEST_CITY, identities: { sandbox: 'zhang' } });
    const r = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'PREFER_CASH', note: '想多拿点现金' });
    expect(r).toMatchObject({ lawful: false, exception: { status: 'REMEDIATION', kind: 'WAIVER_REQUEST', reasonCategory: 'PREFER_CASH', reasonNote: '想多拿点现金' } });
    expect(r.nextSteps[0]?.label).toContain('第十九条');
    const tasks = await t.db.complianceTask.findMany({ where: { employeeId: emp.employee.id } });
    // The 30-day deadline (2026-07-15) has passed: the task is due today.
    expect(tasks.map((x) => [x.kind, x.uniqueKey, x.dueOn.toISOString().slice(0, 10), x.ownerId, x.state])).toEqual([
      ['enrolment.remediation', `enrolment.remediation:${r.exception.id}`, '2026-11-20', hrs.employee.id, 'OPEN'],
    ]);
    const [card] = cards('exception.waiver_warning');
    expect(card?.to).toEqual(['hr-m', 'hr-s']);
    expect(card).toMatchObject({ title: '员工申请不缴纳社保', subtitle: expect.stringContaining('该约定或承诺无效（法释〔2025〕12号 第十九条）'), tone: 'urgent', url: `http://localhost:3000/app/exceptions/${r.exception.id}` });
    expect(card?.rows).toEqual([
      { label: '员工', value: '张三（研发部）' }, { label: '原因', value: '希望以现金补贴代替' },
      { label: '补缴', value: '¥12,312.00（6个月）' }, { label: '滞纳金', value: '¥412.45' }, { label: '经济补偿', value: '¥3,000.00' }, { label: '合计', value: '¥15,724.45' },
    ]);
    expect(card?.legalBasis).toContain('已创建增员整改任务，截止 2026-11-20');
    const audit = await t.db.auditEvent.findMany({ where: { subjectId: r.exception.id }, orderBy: { seq: 'asc' } });
    expect(audit.map((a) => a.type)).toEqual(['exception.requested', 'task.opened', 'card.sent']);
    expect(await t.db.evidenceEntry.count({ where: { subjectId: r.exception.id } })).toBe(1);

    const view = await getInsuranceException(deps, { actor: hrs.actor, id: r.exception.id });
    expect(view.risk?.lines.map((l) => [l.label, l.amount])).toEqual([['补缴（单位部分）', '¥8,532.00'], ['补缴（个人部分）', '¥3,780.00'], ['滞纳金', '¥412.45'], ['经济补偿', '¥3,000.00']]);
    expect(view.risk?.total).toBe('¥15,724.45');
    expect(view.legalNotes.join()).toContain('工伤保险仍须缴纳');

    // One open exception at a time; withdrawing keeps the enrolment task open.
    expect(await failure(requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'OTHER' }))).toMatchObject({ status: 409 });
    expect((await withdrawInsuranceException(deps, { actor: emp.actor, exceptionId: r.exception.id })).status).toBe('WITHDRAWN');
    expect(await t.db.complianceTask.count({ where: { employeeId: emp.employee.id, state: 'OPEN' } })).toBe(1);
    expect((await listComplianceTasks(deps, { actor: hrs.actor, state: 'OPEN' })).tasks.map((x) => x.employee?.name)).toContain('张三');
    expect(await failure(listComplianceTasks(deps, { actor: emp.actor }))).toMatchObject({ status: 403 });
  });

  it('says on the card that the money rests on unverified policy data when it does', async () => {
    at('2026-11-20');
    const p = nationalDefaultPeriod();
    await t.db.cityPolicy.create({
      data: {
        city: '未核实市', effectiveFrom: parseDay(`${p.from}-01`), baseFloorFen: p.baseFloorFen, baseCeilingFen: p.baseCeilingFen, rates: p.rates, rounding: p.rounding,
        lateFee: p.lateFee, averageMonthlyWageFen: p.averageMonthlyWageFen, minimumWageFen: p.minimumWageFen, sourceUrl: null, verified: false,
      },
    });
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '赵六', startDate: '2026-06-15', monthlyWage: 600_000, insuredCity: '未核实市', identities: { sandbox: 'zhao' } });
    const r = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'PREFER_CASH' });
    const card = cards('exception.waiver_warning').at(-1);
    expect(card?.rows.at(-1)).toEqual({ label: '合计', value: '¥15,724.45（政策数据未经核实）' });
    const view = await getInsuranceException(deps, { actor: hrs.actor, id: r.exception.id });
    expect(view.risk?.warnings[0]).toMatch(/^政策数据未经核实：未核实市/);
  });

  it('refuses an unknown category and a request by the admin token, changing nothing', async () => {
    const emp = await makeActor(deps, ['EMPLOYEE']);
    expect(await failure(requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'BRIBE' }))).toMatchObject({ status: 400, message: expect.stringContaining('原因类别') });
    expect(await failure(requestInsuranceException(deps, { actor: { kind: 'admin', id: 'admin-token', name: '管理员令牌', roles: ['ADMIN'] }, reasonCategory: 'OTHER' }))).toMatchObject({ status: 403 });
    expect(await t.db.insuranceException.count({ where: { employeeId: emp.employee.id } })).toBe(0);
  });
});

describe('a lawful exception: retired and drawing a pension', () => {
  it('goes DRAFT → (documents) → SUBMITTED → APPROVED → re-verified → LAPSED, and the enrolment clock restarts', async () => {
    at('2026-11-20');
    outbox.messages.length = 0;
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '老刘', startDate: '2026-11-02', monthlyWage: 500_000, identities: { sandbox: 'liu' } });
    const r = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const id = r.exception.id;
    expect(r).toMatchObject({ lawful: true, exception: { status: 'DRAFT', kind: 'RETIRED_REHIRE' } });
    expect(r.nextSteps.map((s) => s.url)).toEqual([
      `http://localhost:3000/app/sign/insurance-exception-declaration/${id}`, `http://localhost:3000/app/proofs/upload?exceptionId=${id}&kind=PENSION_CERTIFICATE`, undefined,
    ]);
    expect(cards('exception.request')[0]?.rows.slice(2)).toEqual([
      { label: '签署声明', value: '✘ 未签署' }, { label: '证明材料', value: '✘ 退休证或养老金领取证明' }, { label: '仍须参保', value: '工伤（按当地规定，不受理则投雇主责任险）' },
    ]);
    expect(await t.db.complianceTask.count({ where: { employeeId: emp.employee.id } })).toBe(0);

    // Submitting: not by the employee; refused while a document is missing, naming it; nothing changes.
    expect(await failure(submitInsuranceException(deps, { actor: emp.actor, exceptionId: id }))).toMatchObject({ status: 403 });
    expect(await failure(submitInsuranceException(deps, { actor: hrs.actor, exceptionId: id }))).toMatchObject({
      status: 400, code: 'validation_failed', message: '无法提交：缺少必需材料「员工签署的声明」「退休证或养老金领取证明」',
    });
    await signDeclaration(deps, { actor: emp.actor, platform: 'sandbox', template: 'insurance-exception-declaration', subjectId: id, typedName: '老刘', statementAccepted: true, signaturePng: signedPng() });
    expect(await failure(submitInsuranceException(deps, { actor: hrs.actor, exceptionId: id }))).toMatchObject({ message: '无法提交：缺少必需材料「退休证或养老金领取证明」' });
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'DRAFT', approvalId: null, version: 0 });
    expect(await t.db.approval.count()).toBe(0);
    const detail = await getInsuranceException(deps, { actor: hrs.actor, id });
    expect(detail.documents.map((d) => [d.label, d.present])).toEqual([['员工签署的声明', true], ['退休证或养老金领取证明', false]]);
    expect([detail.canSubmit, detail.risk]).toEqual([false, null]);
    expect(detail.statusLabel).toBe('待补充材料');

    await uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: id, kind: 'PENSION_CERTIFICATE', coversMonth: '2026-10', fileName: '退休证.pdf', bytes: pdfBytes() });
    expect(await getInsuranceException(deps, { actor: hrs.actor, id })).toMatchObject({ canSubmit: true, status: 'DRAFT', statusLabel: '待提交审批' });
    expect((await listInsuranceExceptions(deps, { actor: emp.actor })).exceptions.map((x) => x.statusLabel)).toEqual(['待提交审批']);
    const submitted = await submitInsuranceException(deps, { actor: hrs.actor, exceptionId: id });
    expect(submitted.exception).toMatchObject({ status: 'SUBMITTED', approvalId: submitted.approvalId });
    const approval = await t.db.approval.findUniqueOrThrow({ where: { id: submitted.approvalId } });
    expect(approval).toMatchObject({ definition: 'insurance-exception', subjectType: 'insurance_exception', subjectId: id, status: 'PENDING' });
    expect(approval.summary).toContainEqual({ label: '仍须参保', value: '工伤（按当地规定，不受理则投雇主责任险）' });
    expect(await failure(submitInsuranceException(deps, { actor: hrs.actor, exceptionId: id }))).toMatchObject({ status: 409, code: 'illegal_transition' });

    // The HR manager approves: re-verification from next quarter, and work injury is still owed (by the city's rules for over-age workers).
    at('2026-11-21');
    outbox.messages.length = 0;
    await decideApproval(deps, { approvalId: submitted.approvalId, decision: 'APPROVE', comment: '材料齐全', actor: hrm.actor, channel: 'h5' });
    // The employee hears it in chat.
    const toEmployee = outbox.messages.filter((m) => m.recipients.includes('liu') && m.payload.kind === 'text');
    expect(toEmployee.map((m) => m.payload.kind === 'text' && m.payload.text)).toEqual([expect.stringMatching(/^你的社保例外申请（.+）已通过人事经理审批/)]);
    expect((await getInsuranceException(deps, { actor: hrs.actor, id })).approval).toMatchObject({
      status: 'APPROVED', statusLabel: '已通过', decidedAt: '2026-11-21 10:00', decisions: [{ approverName: '王经理', decisionLabel: '已同意', comment: '材料齐全', at: '2026-11-21 10:00' }],
    });
    expect((await getInsuranceException(deps, { actor: emp.actor, id })).evidencePackUrl).toBeNull();
    expect((await getInsuranceException(deps, { actor: hrs.actor, id })).evidencePackUrl).toBe(`/api/v1/evidence/packs?subjectType=insurance_exception&subjectId=${id}`);
    const approved = await t.db.insuranceException.findUniqueOrThrow({ where: { id } });
    expect([approved.status, approved.reverifyOn?.toISOString().slice(0, 10)]).toEqual(['APPROVED', '2027-01-01']);
    const injury = await t.db.complianceTask.findMany({ where: { employeeId: emp.employee.id } });
    expect(injury.map((x) => [x.kind, x.title, x.dueOn.toISOString().slice(0, 10)])).toEqual([
      ['enrolment.owed', '仍须为老刘办理工伤保险增员（按参保地超龄就业人员参加工伤保险的规定办理；参保地不受理的，投保雇主责任险）', '2026-12-02'],
    ]);
    await t.db.enrolment.create({ data: { employeeId: emp.employee.id, insuranceType: 'INJURY', enrolledOn: parseDay('2026-11-25'), source: 'manual' } });

    // Quarterly re-verification, as of successive days.
    const reverify = async (asOf: string) => {
      outbox.messages.length = 0;
      return runJob(deps, exceptionReverification, { asOf, trigger: 'cli', log });
    };
    expect(await reverify('2026-12-31')).toMatch(/^0 approved/);
    expect(await reverify('2027-01-01')).toContain('asked 1 employee(s)');
    expect(cards('exception.reverify')).toMatchObject([{
      to: ['liu'], subtitle: '请在 2027-01-16 前上传最新的「退休证或养老金领取证明」', url: `http://localhost:3000/app/proofs/upload?exceptionId=${id}&kind=PENSION_CERTIFICATE`,
      rows: expect.arrayContaining([{ label: '覆盖月份', value: '2026-12 或之后' }, { label: '截止日期', value: '2027-01-16' }]),
    }]);
    expect(await reverify('2027-01-01')).toContain('asked 0 employee(s)');
    at('2027-01-05');
    await uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: id, kind: 'PENSION_CERTIFICATE', coversMonth: '2026-12', fileName: '养老金.pdf', bytes: pdfBytes() });
    expect(await reverify('2027-01-05')).toContain('re-verified 1');
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).reverifyOn?.toISOString().slice(0, 10)).toBe('2027-04-01');

    expect(await reverify('2027-04-01')).toContain('asked 1 employee(s)');
    at('2027-04-10');
    // Older than the period: covers February, the quarter needs March or later.
    await uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: id, kind: 'PENSION_CERTIFICATE', coversMonth: '2027-02', fileName: '旧证明.pdf', bytes: pdfBytes() });
    expect(await reverify('2027-04-16')).toContain('re-verified 0, lapsed 0');
    at('2027-04-17');
    expect(await reverify('2027-04-17')).toContain('lapsed 1');
    const lapsed = await t.db.insuranceException.findUniqueOrThrow({ where: { id } });
    expect([lapsed.status, lapsed.lapsedOn?.toISOString().slice(0, 10)]).toEqual(['LAPSED', '2027-04-17']);
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).enrolmentClockFrom?.toISOString().slice(0, 10)).toBe('2027-04-17');
    expect(cards('exception.lapsed')).toMatchObject([{ to: ['hr-m', 'hr-s'], tone: 'urgent', rows: expect.arrayContaining([{ label: '失效日期', value: '2027-04-17' }, { label: '增员截止', value: '2027-05-17' }]) }]);
    expect(await t.db.complianceTask.findUnique({ where: { uniqueKey: `enrolment.remediation:${id}` } })).toMatchObject({ state: 'OPEN' });
    expect(await t.db.auditEvent.count({ where: { subjectId: id, type: 'exception.lapsed' } })).toBe(1);
    expect(await reverify('2027-04-18')).toMatch(/^0 approved/);

    // The enrolment sweep counts from the lapse day, despite the INJURY enrolment; fresh alert keys.
    outbox.messages.length = 0;
    await runJob(deps, enrolmentDeadlineSweep, { asOf: '2027-05-10', trigger: 'cli', log });
    const alerts = await t.db.alert.findMany({ where: { employeeId: emp.employee.id, kind: 'enrolment' } });
    expect(alerts.map((a) => [a.uniqueKey, a.dueOn.toISOString().slice(0, 10)])).toEqual([[`enrolment:${emp.employee.id}:2027-04-17:day23`, '2027-05-17']]);
    expect(cards('enrolment.deadline').map((c) => c.key).filter((k) => k.includes(emp.employee.id.replaceAll('-', '')))).toEqual([`enr-${emp.employee.id.replaceAll('-', '')}-20270417-day23-sandbox`]);

    const restartedCard = cards('enrolment.deadline').find((c) => c.key.includes('20270417'));
    expect(restartedCard?.rows.slice(2, 4)).toEqual([{ label: '起算日期', value: '2027-04-17（例外失效）' }, { label: '法定截止', value: '05-17' }]);
    expect(restartedCard?.subtitle).toContain('例外失效已满');
    expect((await listInsuranceExceptions(deps, { actor: emp.actor })).exceptions.map((x) => x.statusLabel)).toEqual(['已失效']);
  });
});

describe('approval outcomes and reads', () => {
  it('a rejection opens the remediation task; a withdrawn approval returns the request to DRAFT', async () => {
    at('2026-11-20');
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '小周', startDate: '2026-11-10' });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'OTHER_EMPLOYER_PAYS' });
    await signDeclaration(deps, { actor: emp.actor, platform: 'sandbox', template: 'insurance-exception-declaration', subjectId: exception.id, typedName: '小周', statementAccepted: true, signaturePng: signedPng() });
    await uploadProof(deps, { consent: true, actor: emp.actor, employeeId: emp.employee.id, exceptionId: exception.id, kind: 'OTHER_EMPLOYER_CONTRIBUTIONS', coversMonth: '2026-10', fileName: '缴费记录.pdf', bytes: pdfBytes() });
    const first = await submitInsuranceException(deps, { actor: hrs.actor, exceptionId: exception.id });
    const { withdrawApproval } = await import('../../src/services/approvals/withdraw-approval.ts');
    await withdrawApproval(deps, { approvalId: first.approvalId, actor: hrs.actor });
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id: exception.id } })).toMatchObject({ status: 'DRAFT', approvalId: null });
    const second = await submitInsuranceException(deps, { actor: hrs.actor, exceptionId: exception.id });
    await decideApproval(deps, { approvalId: second.approvalId, decision: 'REJECT', comment: '原单位记录已过期', actor: hrm.actor, channel: 'h5' });
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id: exception.id } })).status).toBe('REJECTED');
    // Start 2026-11-10 + 30 = 2026-12-10 (Thursday).
    expect(await t.db.complianceTask.findUnique({ where: { uniqueKey: `enrolment.remediation:${exception.id}` } })).toMatchObject({ dueOn: parseDay('2026-12-10'), state: 'OPEN' });
  });

  it('an employee reads only their own exceptions', async () => {
    const a = await makeActor(deps, ['EMPLOYEE']);
    const b = await makeActor(deps, ['EMPLOYEE']);
    const { exception } = await requestInsuranceException(deps, { actor: a.actor, reasonCategory: 'SHORT_TERM' });
    expect(await failure(getInsuranceException(deps, { actor: b.actor, id: exception.id }))).toMatchObject({ status: 404 });
    expect((await listInsuranceExceptions(deps, { actor: b.actor })).exceptions).toEqual([]);
    expect(await failure(withdrawInsuranceException(deps, { actor: b.actor, exceptionId: exception.id }))).toMatchObject({ status: 403, message: expect.stringContaining('只能撤回本人的') });
    expect((await getInsuranceException(deps, { actor: a.actor, id: exception.id })).canWithdraw).toBe(true);
  });

  it('an APPROVED exception without a work-injury enrolment still gets enrolment alerts (work injury stays required)', async () => {
    at('2026-11-20');
    const emp = await makeActor(deps, ['EMPLOYEE'], { name: '老赵', startDate: '2026-11-20' });
    const { exception } = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'RETIRED_PENSIONER' });
    await t.db.insuranceException.update({ where: { id: exception.id }, data: { status: 'APPROVED', reverifyOn: parseDay('2027-01-01') } });
    await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-12-14', trigger: 'cli', log });
    expect((await t.db.alert.findMany({ where: { employeeId: emp.employee.id } })).map((a) => a.uniqueKey)).toEqual([`enrolment:${emp.employee.id}:day23`]);
    await t.db.enrolment.create({ data: { employeeId: emp.employee.id, insuranceType: 'INJURY', enrolledOn: parseDay('2026-12-15'), source: 'manual' } });
    await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-12-18', trigger: 'cli', log });
    expect(await t.db.alert.count({ where: { employeeId: emp.employee.id } })).toBe(1);
  });
});

describe('the 例外复核 notification setting on a new request', () => {
  it('sends the waiver warning only to whom HR chose, and posts it once to the group', async () => {
    await withAlertAudience(t.db, 'exceptionReverification', { hrSpecialists: false, hrManagers: true, employeeManager: false, groupChatId: 'wrkExceptions' }, async () => {
      at('2026-11-20');
      outbox.messages.length = 0;
      const emp = await makeActor(deps, ['EMPLOYEE'], { name: '赵六', startDate: '2026-06-15', monthlyWage: 600_000, insuredCity: TEST_CITY, identities: { sandbox: 'zhao6' } });
      const r = await requestInsuranceException(deps, { actor: emp.actor, reasonCategory: 'PREFER_CASH' });
      expect(cards('exception.waiver_warning').map((c) => c.to)).toEqual([['hr-m']]);
      const group = outbox.messages.filter((m) => m.payload.kind === 'group');
      expect(group.map((m) => [m.dedupeKey, m.recipients])).toEqual([[`group:wrkExceptions:${cards('exception.waiver_warning')[0]?.key}`, []]]);
      expect(group[0]?.payload).toMatchObject({ chatId: 'wrkExceptions', card: { title: '员工申请不缴纳社保', url: `http://localhost:3000/app/exceptions/${r.exception.id}` } });
    });
  });
});
