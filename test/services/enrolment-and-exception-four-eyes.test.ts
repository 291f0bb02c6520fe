// Four-eyes on enrolment and insurance exceptions (issue 13 §1): an HR person's own 社保增员
// (the 已增员 card, a manual record, a date correction) and their own exception are handled by a
// colleague. The refusal is a 403 saying who can; a card click gets a polite reply; nothing changes.
import { describe, expect, it } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { changeEnrolmentDate } from '../../src/services/enrolment/change-enrolment-date.ts';
import { recordEnrolmentManually } from '../../src/services/enrolment/record-enrolment-manually.ts';
import { recordEnrolment } from '../../src/services/enrolment/record-enrolment.ts';
import { requestInsuranceException } from '../../src/services/exceptions/request-insurance-exception.ts';
import { submitInsuranceException } from '../../src/services/exceptions/submit-insurance-exception.ts';
import { makeActor } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { enrolmentCardKey } from '../../src/domain/enrolment/enrolment-alert.ts';

const t = await createTestDb({ now: () => new Date('2026-12-24T02:03:00.000Z') });
const { deps } = withRecordingOutbox(t.deps);
const colleague = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', enrolledOn: '2026-01-05', identities: { sandbox: 'hr-s' } });
const enrolledCount = (employeeId: string) => t.db.enrolment.count({ where: { employeeId, status: 'ENROLLED' } });

describe('an HR specialist\'s own enrolment', () => {
  it('answers their click on the 已增员 card about themselves politely and records nothing; a colleague\'s click records it', async () => {
    const me = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '新人事', startDate: '2026-11-20', identities: { sandbox: 'hr-new' } });
    await runJob(deps, enrolmentDeadlineSweep, { asOf: '2026-12-18', trigger: 'cli', log: createLogger('silent') });
    const cardKey = enrolmentCardKey(me.employee.id, 'day28', 'sandbox');
    const card = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey } });
    expect(JSON.stringify(card.recipients)).not.toContain('hr-new');
    // A copy that reached them anyway (e.g. sent before the rule): the service still refuses.
    await t.db.cardInstance.update({ where: { id: card.id }, data: { recipients: [{ userId: 'hr-new', employeeId: me.employee.id }, { userId: 'hr-s', employeeId: colleague.employee.id }] } });
    const click = (actor: typeof me.actor, userId: string) =>
      recordEnrolment(deps, { cardKey, actionId: ENROLMENT_RECORDED, actor, platform: 'sandbox', platformUserId: userId });
    expect((await click(me.actor, 'hr-new')).text).toBe('抱歉，这是你本人的社保增员，不能由你自己登记，请由其他人事同事点击「已增员」');
    expect(await enrolledCount(me.employee.id)).toBe(0);
    expect((await click(colleague.actor, 'hr-s')).text).toContain('已登记 新人事 社保增员');
  });

  it('refuses recording or correcting their own enrolment by hand; a colleague may', async () => {
    const me = await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', startDate: '2026-12-01' });
    await expect(recordEnrolmentManually(deps, { actor: me.actor, employeeId: me.employee.id, enrolledOn: '2026-12-10', reason: '已办理' }))
      .rejects.toMatchObject({ status: 403, message: '这次社保增员登记与你本人有关，不能由你自己办理，请由其他人事同事办理' });
    expect(await enrolledCount(me.employee.id)).toBe(0);
    await recordEnrolmentManually(deps, { actor: colleague.actor, employeeId: me.employee.id, enrolledOn: '2026-12-10', reason: '已办理' });
    await expect(changeEnrolmentDate(deps, { actor: me.actor, employeeId: me.employee.id, enrolledOn: '2026-12-02', reason: '改早一点' }))
      .rejects.toMatchObject({ status: 403, message: '这条社保增员记录与你本人有关，不能由你自己办理，请由其他人事同事办理' });
    const rows = await t.db.enrolment.findMany({ where: { employeeId: me.employee.id } });
    expect(rows.every((r) => r.enrolledOn.toISOString().startsWith('2026-12-10'))).toBe(true);
  });
});

describe('an HR specialist\'s own insurance exception', () => {
  it('is not submitted to approval by themselves; a colleague gets on to the document check', async () => {
    const me = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '返聘人事', startDate: '2026-12-01' });
    const { exception } = await requestInsuranceException(deps, { actor: me.actor, reasonCategory: 'RETIRED_PENSIONER' });
    await expect(submitInsuranceException(deps, { actor: me.actor, exceptionId: exception.id }))
      .rejects.toMatchObject({ status: 403, message: '这项社保例外申请与你本人有关，不能由你自己办理，请由其他人事同事办理' });
    await expect(submitInsuranceException(deps, { actor: colleague.actor, exceptionId: exception.id })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await t.db.insuranceException.findUniqueOrThrow({ where: { id: exception.id } })).status).toBe('DRAFT');
  });
});
