// HR's card a month before an employee reaches the statutory retirement age: sent once per
// employee and retirement month through the outbox, by the exit-task-reminders job.
import { describe, expect, it, vi } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { checkDigitOf } from '../../src/domain/id-number.ts';
import { exitTaskReminders } from '../../src/jobs/definitions/exit-task-reminders.ts';
import { createLogger } from '../../src/log.ts';
import { getInsuranceException } from '../../src/services/exceptions/get-insurance-exception.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { submitInsuranceException } from '../../src/services/exceptions/submit-insurance-exception.ts';
import { uploadProof } from '../../src/services/proofs/upload-proof.ts';
import { signDeclaration } from '../../src/services/signatures/sign-declaration.ts';
import { fillIdentityFacts } from '../../src/services/retirement/fill-identity-facts.ts';
import { sendRetirementReminders } from '../../src/services/retirement/send-retirement-reminders.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { pdfBytes, signedPng } from '../helpers/make-png.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

let clock = new Date('2026-06-01T02:00:00Z');
const t = await createTestDb({ now: () => clock });
const { deps, outbox } = withRecordingOutbox(t.deps);
const actor = systemActor('test-retirement', '测试');
const id = (birth: string, sex: 'm' | 'f', seq = '00') => {
  const first17 = `320102${birth.replaceAll('-', '')}${seq}${sex === 'm' ? 1 : 2}`;
  return first17 + checkDigitOf(first17);
};
const retirementCards = () => outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type === 'employee.retirement_due' ? [{ ...m.payload.card, to: m.recipients }] : []));
const remind = (asOf: string) => sendRetirementReminders(deps, { asOf, actor });

await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' }, idNumber: id('1990-01-01', 'f', '11'), retirementCategory: 'female_cadre' });
const man = await makeEmployee(deps, { name: '周建国', idNumber: id('1966-03-15', 'm'), identities: { sandbox: 'zhou' } });

describe('the retirement reminder (渐进式延迟法定退休年龄)', () => {
  it('sends nothing before the month ahead of the day the age is reached', async () => {
    expect(await remind('2026-06-14')).toEqual({ filled: 0, reminded: 0, cards: 0 });
    expect(retirementCards()).toEqual([]);
  });

  it('sends HR one card a month before 60岁4个月 (2026-07-15), never to the employee', async () => {
    expect(await remind('2026-06-15')).toMatchObject({ reminded: 1, cards: 1 });
    const [card] = retirementCards();
    expect(card?.to).toEqual(['hr-s']);
    expect(card).toMatchObject({
      title: '员工即将达到法定退休年龄', subtitle: '周建国将于 2026-07-15 达到法定退休年龄 60岁4个月',
      rows: expect.arrayContaining([{ label: '退休类别', value: '男' }, { label: '退休年龄', value: '60岁4个月' }, { label: '到龄日期', value: '2026-07-15' }]),
      legalBasis: expect.stringContaining('第一条'),
    });
    const alert = await t.db.alert.findUniqueOrThrow({ where: { uniqueKey: `retirement:${man.id}:2026-07` } });
    expect([alert.kind, alert.dueOn.toISOString().slice(0, 10), alert.cardKey]).toEqual(['retirement', '2026-07-15', card?.key]);
    expect(await t.db.cardInstance.count({ where: { type: 'employee.retirement_due', subjectId: man.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'card.sent', subjectId: man.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { type: 'retirement.reminded', subjectId: man.id } })).toBe(1);
  });

  it('sends it once: reruns that day, the next days and up to the day itself queue nothing, and open no transaction', async () => {
    const transactions = vi.spyOn(deps.db, '$transaction');
    try {
      for (const asOf of ['2026-06-15', '2026-06-16', '2026-07-15']) expect(await remind(asOf)).toMatchObject({ reminded: 0, cards: 0 });
      expect(transactions).not.toHaveBeenCalled();
    } finally {
      transactions.mockRestore();
    }
    expect(retirementCards()).toHaveLength(1);
  });

  it('reminds through the exit-task-reminders job and says so in its summary', async () => {
    const woman = await makeEmployee(deps, { name: '赵敏', idNumber: id('1976-05-20', 'f'), retirementCategory: 'female_worker' });
    clock = new Date('2027-01-20T02:00:00Z');
    const summary = await exitTaskReminders.run({ deps, asOf: '2027-01-20', log: createLogger('silent') });
    expect(summary).toContain('retirement reminders 1');
    expect(retirementCards().at(-1)?.subtitle).toBe('赵敏将于 2027-02-20 达到法定退休年龄 50岁9个月');
    expect(await t.db.alert.count({ where: { employeeId: woman.id, kind: 'retirement' } })).toBe(1);
  });

  it('sends one digest instead of a card each for more than ten, still an Alert and an audit event each, once when two runs race', async () => {
    // Men born 1967-01-05 … 1967-01-16 → 60岁7个月 (1967-01 is past 1965-01 by 24 months: 7 months' delay), reached 2027-08-05 … 16.
    const men = [];
    for (let d = 16; d >= 5; d--) men.push(await makeEmployee(deps, { name: `退休${d}号`, idNumber: id(`1967-01-${String(d).padStart(2, '0')}`, 'm', String(d + 50)) }));
    const ids = men.map((m) => m.id);
    const before = outbox.messages.length;
    const [a, b] = await Promise.all([remind('2027-07-16'), remind('2027-07-16')]);
    expect(a.reminded + b.reminded).toBe(12);
    expect(a.cards + b.cards).toBe(1);
    const cards = outbox.messages.slice(before).flatMap((m) => (m.payload.kind === 'card' ? [{ ...m.payload.card, to: m.recipients }] : []));
    expect(cards.map((c) => c.type)).toEqual(['employee.retirement_digest']);
    expect(cards[0]).toMatchObject({
      to: ['hr-s'], subtitle: '2027-07-16：12 名员工将在一个月内达到法定退休年龄，请在离职管理中逐一准备',
      rows: expect.arrayContaining([{ label: '人员', value: '12人：退休5号、退休6号、退休7号、退休8号、退休9号 等' }, { label: '到龄日期', value: '2027-08-05 至 2027-08-16' }]),
    });
    const alerts = await t.db.alert.findMany({ where: { kind: 'retirement', employeeId: { in: ids } } });
    expect(alerts).toHaveLength(12);
    expect(new Set(alerts.map((x) => x.cardKey))).toEqual(new Set([cards[0]?.key]));
    expect(await t.db.auditEvent.count({ where: { type: 'retirement.reminded', subjectId: { in: ids } } })).toBe(12);
    expect(await remind('2027-07-17')).toMatchObject({ reminded: 0, cards: 0 });
    expect(outbox.messages.length - before).toBe(1);
  });

  it('skips people who have left and women without a 退休类别', async () => {
    // 1966-08 → 60岁5个月, reached 2027-01-10: due from 2026-12-10, but he has left.
    await makeEmployee(deps, { idNumber: id('1966-08-10', 'm', '22'), status: 'EXITED', exitDate: '2026-10-31' });
    await makeEmployee(deps, { idNumber: id('1976-06-10', 'f', '33') });
    expect(await remind('2026-12-10')).toMatchObject({ reminded: 0 });
  });

  it('fills birth date and sex for employees recorded before those columns, then reminds them', async () => {
    const older = await makeEmployee(deps, { name: '老员工', idNumber: id('1966-11-03', 'm', '44') });
    await t.db.employee.update({ where: { id: older.id }, data: { birthDate: null, sex: null } });
    // 1966-11 → 60岁7个月, reached 2027-06-03.
    expect(await remind('2027-05-03')).toEqual({ filled: 1, reminded: 1, cards: 1 });
    expect(await fillIdentityFacts(deps)).toBe(0);
    expect(await t.db.employee.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({ sex: 'male' });
  });
});

describe('the pensioner plausibility warning', () => {
  it('warns HR when someone far below any retirement age says they draw a pension', async () => {
    clock = new Date('2026-12-07T02:00:00Z');
    const young = await makeActor(deps, ['EMPLOYEE'], { name: '青年', idNumber: id('1990-04-04', 'm', '55'), identities: { sandbox: 'young' } });
    const { exception } = await requestInsuranceException(deps, { actor: young.actor, reasonCategory: 'RETIRED_PENSIONER' });
    const hr = await makeActor(deps, ['HR_SPECIALIST', 'HR_MANAGER'], { idNumber: id('1985-01-01', 'm', '66') });
    // Four-eyes: the submitter does not approve, so another HR manager must exist.
    await makeActor(deps, ['HR_MANAGER'], { idNumber: id('1984-02-02', 'm', '67') });
    const view = await getInsuranceException(deps, { actor: hr.actor, id: exception.id });
    expect(view.plausibilityWarning).toBe('按证件，该员工现年36周岁，低于最早可办理退休的年龄55周岁（特殊工种提前退休，国发〔1978〕104号 第一条第（二）项），通常不可能已领取基本养老金；除因病完全丧失劳动能力提前退休（同条第（三）项）外，请核实退休证和养老金领取记录');
    // The employee's own view does not carry HR's check.
    expect((await getInsuranceException(deps, { actor: young.actor, id: exception.id })).plausibilityWarning).toBeNull();
    // Submitted anyway (a warning, not a refusal): the approver sees it on the reason row.
    await signDeclaration(deps, { actor: young.actor, platform: 'sandbox', template: 'insurance-exception-declaration', subjectId: exception.id, typedName: '青年', statementAccepted: true, signaturePng: signedPng() });
    await uploadProof(deps, { consent: true, actor: young.actor, employeeId: young.employee.id, exceptionId: exception.id, kind: 'PENSION_CERTIFICATE', coversMonth: '2026-11', fileName: '退休证.pdf', bytes: pdfBytes() });
    const { approvalId } = await submitInsuranceException(deps, { actor: hr.actor, exceptionId: exception.id });
    const approval = await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } });
    expect(approval.summary).toContainEqual({ label: '原因', value: '已退休并领取养老金（年龄低于最早退休年龄，请核实退休证）' });
  });

  it('stays silent for a plausible pensioner (a woman worker of 46: 特殊工种 from 45)', async () => {
    const plausible = await makeActor(deps, ['EMPLOYEE'], { idNumber: id('1980-03-03', 'f', '77'), retirementCategory: 'female_worker', identities: { sandbox: 'plausible' } });
    const { exception } = await requestInsuranceException(deps, { actor: plausible.actor, reasonCategory: 'RETIRED_PENSIONER' });
    expect((await getInsuranceException(deps, { actor: testAdmin, id: exception.id })).plausibilityWarning).toBeNull();
  });
});
