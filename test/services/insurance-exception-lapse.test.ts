// The quarterly re-verification never lapses an exception whose employee was never asked or whose
// answer period has not run: a first run after the quarter's deadline sends the card with the usual
// two weeks. A lapsed dual-employment exception asks HR for the month the original employer stopped
// paying; once given, the enrolment clock (and back-pay) runs from that month's first day.
import { describe, expect, it } from 'vitest';
import { exceptionReverification } from '../../src/jobs/definitions/exception-reverification.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { decideApproval } from '../../src/services/approvals/decide-approval.ts';
import { getInsuranceException } from '../../src/services/exceptions/get-insurance-exception.ts';
import { lapseInsuranceException } from '../../src/services/exceptions/lapse-insurance-exception.ts';
import { recordOtherEmployerStop } from '../../src/services/exceptions/record-other-employer-stop.ts';
import { submittedException } from '../helpers/exception-kit.ts';
import { makeActor } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

let clock = new Date('2026-11-20T02:00:00Z');
const t = await createTestDb({ now: () => clock });
const { deps, outbox } = withRecordingOutbox(t.deps);
const log = createLogger('silent');
const at = (day: string) => { clock = new Date(`${day}T02:00:00Z`); };
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { status: number; message: string });
const cards = (type: string) => outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type === type ? [{ ...m.payload.card, to: m.recipients }] : []));
const reverify = async (asOf: string) => {
  at(asOf);
  outbox.messages.length = 0;
  return runJob(deps, exceptionReverification, { asOf, trigger: 'cli', log });
};
const hrs = await makeActor(deps, ['HR_SPECIALIST'], { name: '李专员', identities: { sandbox: 'hr-s' }, enrolledOn: '2026-01-05' });
const hrm = await makeActor(deps, ['HR_MANAGER'], { name: '王经理', identities: { sandbox: 'hr-m' }, enrolledOn: '2026-01-05' });

/** Approved on 2026-11-20: re-verified from 2027-01-01, last proof covering 2026-10. */
async function approved(name: string, sandbox: string, category: 'OTHER_EMPLOYER_PAYS' | 'PART_TIME') {
  at('2026-11-20');
  const emp = await makeActor(deps, ['EMPLOYEE'], { name, startDate: '2026-06-01', identities: { sandbox } });
  const { id, approvalId } = await submittedException(deps, { emp, hr: hrs, category, coversMonth: '2026-10' });
  await decideApproval(deps, { approvalId, decision: 'APPROVE', actor: hrm.actor, channel: 'h5' });
  return { emp, id };
}

describe('re-verification that starts late', () => {
  it('sends the card on a first run past the quarter deadline with two weeks to answer, and lapses only after them', async () => {
    const { id } = await approved('小孙', 'sun', 'PART_TIME');
    // The job did not run in January: 2027-01-16 passed without anyone being asked.
    expect(await reverify('2027-02-10')).toContain('asked 1 employee(s) for a fresh proof, re-verified 0, lapsed 0');
    expect(cards('exception.reverify')).toMatchObject([{
      to: ['sun'], subtitle: '请在 2027-02-25 前上传最新的「非全日制用工协议及工时记录」',
      rows: expect.arrayContaining([{ label: '覆盖月份', value: '2026-12 或之后' }, { label: '截止日期', value: '2027-02-25' }]),
      legalBasis: expect.stringContaining('第六十八条至第七十二条'),
    }]);
    expect(day((await t.db.alert.findUniqueOrThrow({ where: { uniqueKey: `exception.reverify:${id}:2027Q1` } })).dueOn)).toBe('2027-02-25');
    expect(await reverify('2027-02-25')).toContain('asked 0 employee(s) for a fresh proof, re-verified 0, lapsed 0');
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).status).toBe('APPROVED');
    expect(await reverify('2027-02-26')).toContain('lapsed 1');
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'LAPSED', lapsedOn: new Date('2027-02-26T00:00:00Z') });
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: id, type: 'exception.lapsed' } })).data).toMatchObject({ reason: '截至 2027-02-25 未上传覆盖 2026-12 的「非全日制用工协议及工时记录」' });
    // Not dual employment: no stop month to ask for, the clock runs from the lapse day.
    const view = await getInsuranceException(deps, { actor: hrs.actor, id });
    expect([view.askStoppedMonth, view.clockNote]).toEqual([false, '增员期限自失效日 2027-02-26 起算三十日（《社会保险法》第五十八条）']);
  });
});

describe('a lapsed dual-employment exception', () => {
  it('asks for the month the other employer stopped paying, and moves the enrolment clock and back-pay to its first day', async () => {
    const { emp, id } = await approved('小冯', 'feng', 'OTHER_EMPLOYER_PAYS');
    await reverify('2027-01-01');
    expect(await reverify('2027-01-17')).toContain('lapsed 1');
    const [lapsedCard] = cards('exception.lapsed');
    expect(lapsedCard?.rows).toEqual(expect.arrayContaining([
      { label: '增员截止', value: '2027-02-16（暂按失效日起算）' }, { label: '原单位停缴', value: '请登记停缴月份：增员及补缴自该月起算' },
    ]));
    expect(lapsedCard?.buttons).toEqual([{ kind: 'link', text: '登记停缴月份', url: `http://localhost:3000/app/exceptions/${id}` }]);
    expect(day((await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).enrolmentClockFrom)).toBe('2027-01-17');
    const before = await getInsuranceException(deps, { actor: hrs.actor, id });
    expect(before).toMatchObject({ askStoppedMonth: true, otherEmployerStoppedMonth: null, clockNote: expect.stringContaining('请登记原单位停缴月份') });

    // Bad input, the wrong role, a later month: refused, nothing changes.
    at('2027-01-18');
    expect(await failure(recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: id, month: '2026-13' }))).toMatchObject({ status: 400, message: expect.stringContaining('2027-02 这样的年月') });
    expect(await failure(recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: id, month: '2027-02' }))).toMatchObject({ status: 400, message: expect.stringContaining('不能晚于失效月份 2027-01') });
    expect(await failure(recordOtherEmployerStop(deps, { actor: emp.actor, exceptionId: id, month: '2026-11' }))).toMatchObject({ status: 403 });
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).otherEmployerStoppedMonth).toBeNull();

    outbox.messages.length = 0;
    const after = await recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: id, month: '2026-11' });
    expect(after).toMatchObject({ status: 'LAPSED', otherEmployerStoppedMonth: '2026-11' });
    expect(day((await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).enrolmentClockFrom)).toBe('2026-11-01');
    // 2026-11-01 + 30 = 2026-12-01 has passed: the remediation task is due today, back-pay from 2026-11.
    const task = await t.db.complianceTask.findUniqueOrThrow({ where: { uniqueKey: `enrolment.remediation:${id}` } });
    expect([day(task.dueOn), task.details]).toEqual(['2027-01-18', expect.objectContaining({ clockStart: '2026-11-01', legalDeadline: '2026-12-01', backpayFrom: '2026-11', status: 'LAPSED' })]);
    expect((await t.db.cardInstance.findMany({ where: { subjectId: id, type: 'exception.lapsed' } })).map((c) => c.state)).toEqual(['DECIDED']);
    expect(outbox.messages.map((m) => (m.payload.kind === 'card_update' ? m.payload.card.decided?.label : m.payload.kind))).toEqual(['已登记原单位 2026-11 停缴']);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { subjectId: id, type: 'exception.other_employer_stopped' } })).data)
      .toMatchObject({ month: '2026-11', clockFrom: '2026-11-01', legalDeadline: '2026-12-01' });
    expect(await getInsuranceException(deps, { actor: hrs.actor, id })).toMatchObject({ askStoppedMonth: false, clockNote: '增员及补缴自原单位停缴月份 2026-11 起算（《社会保险法》第五十八条）' });
    expect(await failure(recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: id, month: '2026-12' }))).toMatchObject({ status: 409, message: '已登记原单位停缴月份 2026-11，不能重复登记' });
  });

  it('never starts the clock before the first day of work, and refuses other kinds', async () => {
    const { emp, id } = await approved('小蒋', 'jiang', 'OTHER_EMPLOYER_PAYS');
    await t.db.insuranceException.update({ where: { id }, data: { status: 'LAPSED', lapsedOn: new Date('2027-01-17T00:00:00Z') } });
    await recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: id, month: '2026-01' });
    expect(day((await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).enrolmentClockFrom)).toBe('2026-06-01');
    const other = await approved('小沈', 'shen', 'PART_TIME');
    await t.db.insuranceException.update({ where: { id: other.id }, data: { status: 'LAPSED', lapsedOn: new Date('2027-01-17T00:00:00Z') } });
    expect(await failure(recordOtherEmployerStop(deps, { actor: hrs.actor, exceptionId: other.id, month: '2026-12' }))).toMatchObject({ status: 409, message: '只有已失效的「原单位仍在缴纳」例外需要登记原单位停缴月份' });
  });

  it('refuses a lapse from a stale read of the exception and leaves the employee and the log as they were', async () => {
    const { emp, id } = await approved('小韩', 'han', 'PART_TIME');
    const stale = await t.db.insuranceException.findUniqueOrThrow({ where: { id } });
    await t.db.insuranceException.update({ where: { id }, data: { version: { increment: 1 } } });
    const before = await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } });
    const events = await t.db.auditEvent.count({ where: { type: 'exception.lapsed' } });
    const deadline = { legalDeadline: '2027-02-16', dueOn: '2027-02-16' };
    const lapsed = await t.db.$transaction((tx) => lapseInsuranceException(deps, tx, { actor: hrs.actor, exception: stale, lapsedOn: '2027-01-17', reason: '未上传', deadline }));
    expect(lapsed).toBe(false);
    expect(await t.db.insuranceException.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'APPROVED', lapsedOn: null });
    expect(await t.db.employee.findUniqueOrThrow({ where: { id: emp.employee.id } })).toMatchObject({ version: before.version, enrolmentClockFrom: before.enrolmentClockFrom });
    expect(await t.db.auditEvent.count({ where: { type: 'exception.lapsed' } })).toBe(events);
  });
});
