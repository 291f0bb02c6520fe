import { beforeEach, describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import { cardModelSchema } from '../../cards/card-model-schema.ts';
import { decideOnboardingArrival } from '../../src/services/onboarding/decide-onboarding-arrival.ts';
import { onboardingCardKey, sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { transitionEmployeeStatus } from '../../src/services/employees/transition-employee-status.ts';
import { loadEmployeeActor } from '../../src/services/sessions/load-employee-actor.ts';
import { makeActor, makeEmployee, testAdmin } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const clickedAt = new Date('2026-12-24T02:03:00.000Z'); // 10:03 in Beijing
const t = await createTestDb({ now: () => clickedAt });

beforeEach(async () => {
  await t.db.cardInstance.deleteMany();
  await t.db.employee.deleteMany();
});

/** Two HR specialists, one hire due on 2026-12-21, cards sent on sandbox and WeCom. */
async function setup() {
  const hr1 = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-1', wecom: 'wx-hr1' } });
  const hr2 = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '王人事', identities: { sandbox: 'hr-2' } });
  const hire = await makeEmployee(t.deps, { status: 'ONBOARDING', startDate: '2026-12-21', name: '张三' });
  const { deps, outbox } = withRecordingOutbox(t.deps);
  await sendOnboardingConfirmations(deps, { asOf: '2026-12-21', platforms: ['sandbox', 'wecom'], publicBaseUrl: 'https://hr.example.com' });
  outbox.messages.length = 0;
  const keys = { sandbox: onboardingCardKey(hire.id, 'sandbox'), wecom: onboardingCardKey(hire.id, 'wecom') };
  const click = (actor: typeof hr1.actor | undefined, userId: string, actionId = ONBOARDING_ARRIVED, platform: 'sandbox' | 'wecom' = 'sandbox', responseCode?: string) =>
    decideOnboardingArrival(deps, { cardKey: keys[platform], actionId, actor, platform, platformUserId: userId, responseCode });
  const state = async () => ({
    status: (await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status,
    history: await t.db.statusChange.count({ where: { employeeId: hire.id } }),
    cards: (await t.db.cardInstance.findMany({ orderBy: { cardKey: 'asc' } })).map((c) => c.state),
  });
  return { hr1, hr2, hire, keys, outbox, click, state };
}

describe('decideOnboardingArrival', () => {
  it('answers a new HR hire confirming their own arrival politely and changes nothing (four-eyes)', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-1' } });
    const me = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '新人事', status: 'ONBOARDING', startDate: '2026-12-21', identities: { sandbox: 'hr-new' } });
    const { deps } = withRecordingOutbox(t.deps);
    await sendOnboardingConfirmations(deps, { asOf: '2026-12-21', platforms: ['sandbox'], publicBaseUrl: 'https://hr.example.com' });
    const cardKey = onboardingCardKey(me.employee.id, 'sandbox');
    const card = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey } });
    if (!JSON.stringify(card.recipients).includes('hr-new')) {
      await t.db.cardInstance.update({ where: { id: card.id }, data: { recipients: [...(card.recipients as object[]), { userId: 'hr-new', employeeId: me.employee.id }] } });
    }
    const reply = await decideOnboardingArrival(deps, { cardKey, actionId: ONBOARDING_ARRIVED, actor: me.actor, platform: 'sandbox', platformUserId: 'hr-new' });
    expect(reply.text).toBe('抱歉，这是你本人的到岗确认，不能由你自己确认，请由其他人事同事处理');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: me.employee.id } })).status).toBe('ONBOARDING');
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey } })).state).toBe('OPEN');
  });

  it('marks the hire ACTIVE when HR clicks 已到岗 and updates every copy of the card for all recipients', async () => {
    const s = await setup();
    const reply = await s.click(s.hr1.actor, 'hr-1');

    expect(reply.text).toBe('已确认 张三 到岗（入职日期 2026-12-21）。请自用工之日起三十日内办理社保增员。');
    const history = await t.db.statusChange.findMany({ where: { employeeId: s.hire.id }, orderBy: { at: 'asc' } });
    expect(history.at(-1)).toMatchObject({ fromStatus: 'ONBOARDING', toStatus: 'ACTIVE', reason: '到岗确认（卡片）', actorName: '李人事' });
    expect(await s.state()).toEqual({ status: 'ACTIVE', history: 2, cards: ['DECIDED', 'DECIDED'] });
    const card = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: s.keys.sandbox } });
    expect(card).toMatchObject({ decision: ONBOARDING_ARRIVED, decidedById: s.hr1.employee.id, decidedByName: '李人事', decidedAt: clickedAt });
    const decided = { label: '已确认到岗', byName: '李人事', at: clickedAt.toISOString() };
    expect(cardModelSchema.parse(card.model).decided).toEqual(decided);
    expect(s.outbox.messages.map((m) => [m.dedupeKey, m.platform, m.recipients, m.payload.kind])).toEqual([
      [`card-update:${s.keys.sandbox}`, 'sandbox', ['hr-1', 'hr-2'], 'card_update'],
      [`card-update:${s.keys.wecom}`, 'wecom', ['wx-hr1'], 'card_update'],
    ]);
    for (const m of s.outbox.messages) expect(m.payload).toMatchObject({ card: { decided } });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { type: 'card.decided', subjectId: s.hire.id } });
    expect(audit.data).toMatchObject({ cardKey: s.keys.sandbox, decision: '已确认到岗', platformUserId: 'hr-1', cardsClosed: 2 });
    expect(await t.db.auditEvent.count({ where: { type: 'employee.status_changed', subjectId: s.hire.id } })).toBe(1);
  });

  it('answers a double click idempotently with who decided and when, changing nothing the second time', async () => {
    const s = await setup();
    await s.click(s.hr1.actor, 'hr-1');
    const again = await s.click(s.hr2.actor, 'hr-2', ONBOARDING_NO_SHOW);
    expect(again.text).toBe('这张卡片已由 李人事 于 2026-12-24 10:03 处理：已确认到岗');
    expect(await s.state()).toEqual({ status: 'ACTIVE', history: 2, cards: ['DECIDED', 'DECIDED'] });
    expect(s.outbox.messages).toHaveLength(2);
  });

  it('lets exactly one of simultaneous clicks on both platforms win', async () => {
    const s = await setup();
    const replies = await Promise.all([
      s.click(s.hr1.actor, 'hr-1', ONBOARDING_ARRIVED, 'sandbox'),
      s.click(s.hr1.actor, 'wx-hr1', ONBOARDING_NO_SHOW, 'wecom'),
      s.click(s.hr2.actor, 'hr-2', ONBOARDING_ARRIVED, 'sandbox'),
    ]);
    expect(replies.filter((r) => r.text.startsWith('这张卡片已由'))).toHaveLength(2);
    expect((await s.state()).history).toBe(2);
    expect(await t.db.auditEvent.count({ where: { type: 'card.decided', subjectId: s.hire.id } })).toBe(1);
    expect(s.outbox.messages).toHaveLength(2);
  });

  it('cancels the hire with today as exit date when HR clicks 未到岗', async () => {
    const s = await setup();
    const reply = await s.click(s.hr2.actor, 'hr-2', ONBOARDING_NO_SHOW);
    expect(reply.text).toBe('已记录 张三 未到岗，已取消入职（离职日期 2026-12-24）。');
    const row = await t.db.employee.findUniqueOrThrow({ where: { id: s.hire.id } });
    expect(row.status).toBe('EXITED');
    expect(row.exitDate?.toISOString().slice(0, 10)).toBe('2026-12-24');
    const last = await t.db.statusChange.findFirstOrThrow({ where: { employeeId: s.hire.id, toStatus: 'EXITED' } });
    expect(last.reason).toBe('未到岗，取消入职（卡片）');
    expect(s.outbox.messages.every((m) => m.payload.kind === 'card_update' && m.payload.card.decided?.label === '已确认未到岗')).toBe(true);
  });

  it('tells HR who is not a recipient of the card that it is not theirs, changing nothing', async () => {
    const s = await setup();
    const late = await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-late' } });
    expect(await s.click(late.actor, 'hr-late')).toEqual({ text: '你不是这张卡片的处理人' });
    expect(await s.state()).toEqual({ status: 'ONBOARDING', history: 1, cards: ['OPEN', 'OPEN'] });
    expect(s.outbox.messages).toHaveLength(0);
  });

  it('tells a recipient who is no longer HR that only HR may confirm, changing nothing', async () => {
    const s = await setup();
    await t.db.roleAssignment.deleteMany({ where: { employeeId: s.hr2.employee.id, role: 'HR_SPECIALIST' } });
    const demoted = await loadEmployeeActor(t.db, s.hr2.employee.id);
    expect(demoted?.roles).toEqual(['EMPLOYEE']);
    expect(await s.click(demoted, 'hr-2')).toEqual({ text: '只有人事可以确认到岗' });
    expect(await s.click(undefined, 'hr-2')).toEqual({ text: '只有人事可以确认到岗' });
    expect(await s.state()).toEqual({ status: 'ONBOARDING', history: 1, cards: ['OPEN', 'OPEN'] });
  });

  it('refuses a sandbox card key clicked from another platform', async () => {
    const s = await setup();
    const reply = await decideOnboardingArrival(t.deps, { cardKey: s.keys.sandbox, actionId: ONBOARDING_ARRIVED, actor: s.hr1.actor, platform: 'wecom', platformUserId: 'hr-1' });
    expect(reply.text).toBe('找不到这张卡片，可能已失效');
  });

  it('says the employee moved on when their status was changed elsewhere, leaving the card open', async () => {
    const s = await setup();
    await transitionEmployeeStatus(t.deps, { actor: testAdmin, id: s.hire.id, to: 'ACTIVE', reason: '后台确认' });
    expect(await s.click(s.hr1.actor, 'hr-1')).toEqual({ text: '张三 当前状态为「在职」，无需再确认到岗' });
    expect(await s.state()).toEqual({ status: 'ACTIVE', history: 2, cards: ['OPEN', 'OPEN'] });
    expect(s.outbox.messages).toHaveLength(0);
  });

  it('keeps the WeCom response_code of the click next to the codes already stored', async () => {
    const s = await setup();
    await t.db.cardInstance.update({ where: { cardKey: s.keys.wecom }, data: { responseCodes: { 'wx-other': 'rc-send' } } });
    await s.click(s.hr1.actor, 'wx-hr1', ONBOARDING_ARRIVED, 'wecom', 'rc-click');
    const card = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: s.keys.wecom } });
    expect(card.responseCodes).toEqual({ 'wx-other': 'rc-send', 'wx-hr1': 'rc-click' });
  });

  it('refuses 已到岗 before the start date with the day it opens, leaving the hire and the card as they were', async () => {
    const s = await setup();
    await t.db.employee.update({ where: { id: s.hire.id }, data: { startDate: new Date('2026-12-28') } });
    const reply = await s.click(s.hr1.actor, 'hr-1');
    expect(reply.text).toBe('入职日期是 2026-12-28，届时才能确认到岗');
    expect(await s.state()).toEqual({ status: 'ONBOARDING', history: 1, cards: ['OPEN', 'OPEN'] });
    expect(s.outbox.messages).toEqual([]);
  });
});
