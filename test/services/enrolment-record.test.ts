import { beforeEach, describe, expect, it } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { decisionLine } from '../../cards/card-text.ts';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { recordEnrolment } from '../../src/services/enrolment/record-enrolment.ts';
import { recordEnrolmentManually } from '../../src/services/enrolment/record-enrolment-manually.ts';
import { importEmployees } from '../../src/services/import/import-employees.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { enrolmentCardKey } from '../../src/domain/enrolment/enrolment-alert.ts';

const clickedAt = new Date('2026-12-24T02:03:00.000Z'); // 10:03 in Beijing
const t = await createTestDb({ now: () => clickedAt });
const log = createLogger('silent');

beforeEach(async () => {
  await t.db.alert.deleteMany();
  await t.db.cardInstance.deleteMany();
  await t.db.enrolment.deleteMany();
  await t.db.employee.deleteMany();
});

/** A hire started 2026-11-20 with the day-23 and day-28 reminders out on sandbox and WeCom. */
async function setup() {
  const hrS = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', enrolledOn: '2026-01-05', identities: { sandbox: 'hr-s' } });
  const hrM = await makeActor(t.deps, ['HR_MANAGER'], { name: '王经理', enrolledOn: '2026-01-05', identities: { sandbox: 'hr-m', wecom: 'wx-m' } });
  const hire = await makeEmployee(t.deps, { name: '张三', startDate: '2026-11-20' });
  const { deps, outbox } = withRecordingOutbox({ ...t.deps, chatPlatforms: ['sandbox', 'wecom'], publicBaseUrl: 'https://hr.example.com' });
  const sweep = (asOf: string) => runJob(deps, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });
  await sweep('2026-12-14');
  await sweep('2026-12-18');
  outbox.messages.length = 0;
  const click = (actor: typeof hrS.actor | undefined, userId: string, stage = 'day28', platform: 'sandbox' | 'wecom' = 'sandbox') =>
    recordEnrolment(deps, { cardKey: enrolmentCardKey(hire.id, stage, platform), actionId: ENROLMENT_RECORDED, actor, platform, platformUserId: userId });
  const state = async () => ({
    enrolments: await t.db.enrolment.count({ where: { employeeId: hire.id, status: 'ENROLLED' } }),
    alerts: (await t.db.alert.findMany({ where: { employeeId: hire.id }, orderBy: { stage: 'asc' } })).map((a) => a.state),
    cards: (await t.db.cardInstance.findMany({ where: { subjectId: hire.id }, orderBy: { cardKey: 'asc' } })).map((c) => c.state),
  });
  return { hrS, hrM, hire, outbox, outboxDeps: deps, click, sweep, state };
}

describe('recordEnrolment (已增员)', () => {
  it('records all five insurances as of today, resolves the reminders and updates every reminder card for all recipients', async () => {
    const s = await setup();
    const reply = await s.click(s.hrS.actor, 'hr-s');

    expect(reply.text).toBe('已登记 张三 社保增员（增员日期 2026-12-24），不再提醒。如日期有误，点卡片上的「详情」修改。');
    expect(await s.state()).toEqual({ enrolments: 5, alerts: ['RESOLVED', 'RESOLVED'], cards: ['DECIDED', 'DECIDED', 'DECIDED', 'DECIDED'] });
    const rows = await t.db.enrolment.findMany({ where: { employeeId: s.hire.id }, include: { changes: true } });
    expect(rows.map((r) => [r.enrolledOn.toISOString().slice(0, 10), r.source, r.changes.map((c) => [c.fromStatus, c.toStatus, c.actorName])])).toEqual(
      Array(5).fill(['2026-12-24', 'card', [[null, 'ENROLLED', '李专员']]]),
    );
    // The employee list and every page read Employee.enrolledOn: it follows the click.
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: s.hire.id } })).enrolledOn?.toISOString().slice(0, 10)).toBe('2026-12-24');
    const updates = s.outbox.messages.map((m) => [m.platform, m.recipients.join('+'), m.payload.kind === 'card_update' && m.payload.card.decided && decisionLine(m.payload.card.decided)]);
    expect(updates.sort()).toEqual([
      ['sandbox', 'hr-m+hr-s', '已增员 · 李专员 · 2026-12-24 10:03'],
      ['sandbox', 'hr-s', '已增员 · 李专员 · 2026-12-24 10:03'],
      ['wecom', 'wx-m', '已增员 · 李专员 · 2026-12-24 10:03'],
      ['wecom', 'wx-m', '已增员 · 李专员 · 2026-12-24 10:03'],
    ]);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'enrolment.recorded', subjectId: s.hire.id } });
    expect(audit.data).toEqual({ enrolledOn: '2026-12-24', insuranceTypes: ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY'], source: 'card', alertsResolved: 2 });

    s.outbox.messages.length = 0;
    for (const day of ['2026-12-22', '2026-12-24', '2026-12-28']) await s.sweep(day);
    expect(s.outbox.messages).toEqual([]);
  });

  it('answers a double click idempotently with who recorded it and when, changing nothing the second time', async () => {
    const s = await setup();
    await s.click(s.hrS.actor, 'hr-s');
    const again = await s.click(s.hrM.actor, 'wx-m', 'day23', 'wecom');
    expect(again.text).toBe('这张卡片已由 李专员 于 2026-12-24 10:03 处理：已增员');
    expect(await t.db.enrolmentChange.count()).toBe(5);
    expect(await t.db.auditEvent.count({ where: { type: 'enrolment.recorded', subjectId: s.hire.id } })).toBe(1);
    expect(s.outbox.messages).toHaveLength(4);
  });

  it('politely refuses a recipient who is no longer HR, changing nothing', async () => {
    const s = await setup();
    await t.db.roleAssignment.deleteMany({ where: { employeeId: s.hrS.employee.id, role: 'HR_SPECIALIST' } });
    const demoted = await loadEmployeeActor(t.db, s.hrS.employee.id);
    const reply = await s.click(demoted, 'hr-s');
    expect(reply.text).toBe('抱歉，只有人事可以登记社保增员；如已办理，请告知人事同事点击「已增员」');
    expect(await s.click(undefined, 'hr-s')).toEqual(reply);
    expect(await s.state()).toEqual({ enrolments: 0, alerts: ['OPEN', 'OPEN'], cards: ['OPEN', 'OPEN', 'OPEN', 'OPEN'] });
    expect(s.outbox.messages).toHaveLength(0);
  });

  it('tells someone who did not get the card that it is not theirs', async () => {
    const s = await setup();
    expect(await s.click(s.hrS.actor, 'hr-s', 'day23', 'wecom')).toEqual({ text: '你不是这张卡片的处理人' });
  });
});

describe('enrolment recorded outside the cards', () => {
  const decidedLines = (messages: { payload: { kind: string; card?: { decided?: Parameters<typeof decisionLine>[0] } } }[]) =>
    messages.filter((m) => m.payload.kind === 'card_update').map((m) => m.payload.card?.decided && decisionLine(m.payload.card.decided));

  it('closes every open reminder card for every recipient when HR records it by hand', async () => {
    const s = await setup();
    await recordEnrolmentManually({ ...t.deps, outbox: s.outboxDeps.outbox }, { actor: s.hrS.actor, employeeId: s.hire.id, enrolledOn: '2026-12-20', reason: '线下已办理' });
    expect(await s.state()).toEqual({ enrolments: 5, alerts: ['RESOLVED', 'RESOLVED'], cards: ['DECIDED', 'DECIDED', 'DECIDED', 'DECIDED'] });
    expect(decidedLines(s.outbox.messages)).toEqual(Array(4).fill('已增员（手工登记） · 李专员 · 2026-12-24 10:03'));
    expect(s.outbox.messages.map((m) => m.recipients.join('+')).sort()).toEqual(['hr-m+hr-s', 'hr-s', 'wx-m', 'wx-m']);
  });

  it('closes them when a roster import brings the 社保增员日期', async () => {
    const s = await setup();
    const csv = `工号,姓名,入职日期,部门,社保增员日期\n${s.hire.employeeNo},张三,2026-11-20,研发部,2026-12-19\n`;
    await importEmployees({ ...t.deps, outbox: s.outboxDeps.outbox }, { actor: s.hrS.actor, fileName: 'roster.csv', buffer: Buffer.from(csv) });
    expect(await s.state()).toEqual({ enrolments: 5, alerts: ['RESOLVED', 'RESOLVED'], cards: ['DECIDED', 'DECIDED', 'DECIDED', 'DECIDED'] });
    expect(decidedLines(s.outbox.messages)).toEqual(Array(4).fill('已增员（名册导入） · 李专员 · 2026-12-24 10:03'));
  });
});
