import { beforeEach, describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import { decideOnboardingArrival } from '../../src/services/onboarding/decide-onboarding-arrival.ts';
import { onboardingArrivalCheck } from '../../src/jobs/definitions/onboarding-arrival-check.ts';
import { createLogger } from '../../src/log.ts';
import { onboardingCardKey, sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const asOf = '2026-12-21';
const base = 'https://hr.example.com';

beforeEach(async () => {
  await t.db.cardInstance.deleteMany();
  await t.db.employee.deleteMany();
});

const hire = (startDate = asOf, overrides = {}) => makeEmployee(t.deps, { status: 'ONBOARDING', startDate, name: '张三', position: '后端工程师', ...overrides });

describe('sendOnboardingConfirmations', () => {
  it('sends one card per platform to every HR specialist reachable there, only for hires whose start date has come', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1', wecom: 'wx-hr1' } });
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-2' } });
    await makeActor(t.deps, ['HR_MANAGER'], { identities: { sandbox: 'hm-1' } });
    await makeActor(t.deps, ['EMPLOYEE'], { identities: { sandbox: 'e-1' } });
    await makeEmployee(t.deps, { roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-gone' }, status: 'EXITED', exitDate: '2026-06-30' });
    const due = await hire(asOf);
    await hire('2026-12-22');
    await makeEmployee(t.deps, { status: 'ACTIVE', startDate: '2026-12-01' });
    const { deps, outbox } = withRecordingOutbox(t.deps);

    const result = await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox', 'wecom'], publicBaseUrl: base });

    expect(result).toEqual({ found: 1, queued: 2, withoutRecipients: [] });
    expect(outbox.messages.map((m) => [m.dedupeKey, m.platform, m.recipients])).toEqual([
      [`card:${onboardingCardKey(due.id, 'sandbox')}`, 'sandbox', ['hr-1', 'hr-2']],
      [`card:${onboardingCardKey(due.id, 'wecom')}`, 'wecom', ['wx-hr1']],
    ]);
    const [first] = outbox.messages;
    expect(first?.payload).toMatchObject({ kind: 'card', card: { type: 'onboarding.confirm', title: '新员工到岗确认', url: `${base}/app/me` } });
    if (first?.payload.kind !== 'card') throw new Error('expected a card');
    expect(first.payload.card.rows).toEqual([
      { label: '姓名', value: '张三' }, { label: '部门', value: '研发部' }, { label: '岗位', value: '后端工程师' }, { label: '入职日期', value: asOf },
    ]);
    expect(first.payload.card.buttons.map((b) => (b.kind === 'action' ? b.actionId : b.text))).toEqual([ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW, '详情']);
    const cards = await t.db.cardInstance.findMany({ orderBy: { platform: 'asc' } });
    expect(cards.map((c) => [c.cardKey, c.state, c.subjectId])).toEqual([
      [onboardingCardKey(due.id, 'wecom'), 'OPEN', due.id],
      [onboardingCardKey(due.id, 'sandbox'), 'OPEN', due.id],
    ]);
    expect(await t.db.auditEvent.count({ where: { type: 'card.sent', subjectId: due.id } })).toBe(2);
  });

  it('finds nothing on a second run for the same day', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    await hire();
    const { deps, outbox } = withRecordingOutbox(t.deps);
    await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox'], publicBaseUrl: base });
    const again = await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox'], publicBaseUrl: base });
    expect(again).toEqual({ found: 0, queued: 0, withoutRecipients: [] });
    expect(outbox.messages).toHaveLength(1);
    expect(await t.db.cardInstance.count()).toBe(1);
  });

  it('falls back to the HR managers on a platform where no specialist can be reached', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    await makeActor(t.deps, ['HR_MANAGER'], { identities: { dingtalk: 'dd-boss' } });
    await hire();
    const { deps, outbox } = withRecordingOutbox(t.deps);
    await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox', 'dingtalk'], publicBaseUrl: base });
    expect(outbox.messages.map((m) => [m.platform, m.recipients])).toEqual([['sandbox', ['hr-1']], ['dingtalk', ['dd-boss']]]);
  });

  it('reports a platform with nobody to send to and tries again on the next run', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    await hire();
    const { deps, outbox } = withRecordingOutbox(t.deps);
    const opts = { asOf, platforms: ['wecom'] as const, publicBaseUrl: base };
    expect(await sendOnboardingConfirmations(deps, opts)).toEqual({ found: 1, queued: 0, withoutRecipients: ['wecom'] });
    expect(await sendOnboardingConfirmations(deps, opts)).toEqual({ found: 1, queued: 0, withoutRecipients: ['wecom'] });
    expect(outbox.messages).toHaveLength(0);
  });

  it('never asks a hire to confirm their own arrival', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    await hire(asOf, { roles: ['HR_SPECIALIST'], identities: { sandbox: 'hr-new' } });
    const { deps, outbox } = withRecordingOutbox(t.deps);
    await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox'], publicBaseUrl: base });
    expect(outbox.messages.map((m) => m.recipients)).toEqual([['hr-1']]);
  });

  it.each([1, 2, 5, 6])('covers every hire when walking them in batches of %i', async (batchSize) => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    const hires = await Promise.all([1, 2, 3, 4, 5].map(() => hire()));
    const { deps, outbox } = withRecordingOutbox(t.deps);
    const result = await sendOnboardingConfirmations(deps, { asOf, platforms: ['sandbox'], publicBaseUrl: base, batchSize });
    expect(result).toEqual({ found: 5, queued: 5, withoutRecipients: [] });
    expect(new Set(outbox.messages.map((m) => m.dedupeKey))).toEqual(new Set(hires.map((h) => `card:${onboardingCardKey(h.id, 'sandbox')}`)));
  });
});

describe('onboarding-arrival-check job', () => {
  it('summarizes what it found and queued, on the sandbox by default', async () => {
    await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    await hire();
    const { deps } = withRecordingOutbox(t.deps);
    const run = () => onboardingArrivalCheck.run({ deps, asOf, log: createLogger('silent') });
    expect(await run()).toBe('found 1 arrival(s) to confirm, queued 1 card(s)');
    expect(await run()).toBe('found 0 arrival(s) to confirm, queued 0 card(s)');
  });
});

describe('with the real pg-boss outbox', () => {
  it('commits each card and its decided update as outbox messages in the same transactions', async () => {
    const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { identities: { sandbox: 'hr-1' } });
    const due = await hire();
    await sendOnboardingConfirmations(t.deps, { asOf, platforms: ['sandbox'], publicBaseUrl: base });
    const cardKey = onboardingCardKey(due.id, 'sandbox');
    // Clicked on the start day: 已到岗 opens then.
    await decideOnboardingArrival({ ...t.deps, now: () => new Date(`${asOf}T02:00:00Z`) }, { cardKey, actionId: ONBOARDING_ARRIVED, actor: hr.actor, platform: 'sandbox', platformUserId: 'hr-1' });
    const messages = await t.db.outboxMessage.findMany({ where: { dedupeKey: { in: [`card:${cardKey}`, `card-update:${cardKey}`] } }, orderBy: { createdAt: 'asc' } });
    expect(messages.map((m) => [m.dedupeKey, m.kind, m.recipients])).toEqual([
      [`card:${cardKey}`, 'card', ['hr-1']],
      [`card-update:${cardKey}`, 'card_update', ['hr-1']],
    ]);
  });
});
