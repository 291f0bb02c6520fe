import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED, ONBOARDING_NO_SHOW } from '../../cards/action-ids.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { onboardingCardKey, sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-12-24T02:03:00.000Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);
const router = createBotRouter(deps, listeners, createLogger('silent'));

await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李人事', identities: { sandbox: 'hr-1' } });

async function dueHire(name: string) {
  const hire = await makeEmployee(t.deps, { status: 'ONBOARDING', startDate: '2026-12-21', name });
  await sendOnboardingConfirmations(deps, { asOf: '2026-12-21', platforms: ['sandbox'], publicBaseUrl: '' });
  return hire;
}

const click = (cardKey: string, actionId: string, deliveryId = randomUUID()): InboundEvent => ({
  kind: 'card.action', platform: 'sandbox', deliveryId, operatorUserId: 'hr-1', receivedAt: new Date(), cardKey, actionId,
});

describe('onboarding arrival listeners behind the bot router', () => {
  it('routes 已到岗 to the decision and replies to the clicker', async () => {
    const hire = await dueHire('张三');
    const event = click(onboardingCardKey(hire.id, 'sandbox'), ONBOARDING_ARRIVED);
    expect(await router.accept(event)).toBe(true);
    expect(await router.handle(event)).toEqual({ text: '已确认 张三 到岗（入职日期 2026-12-21）。请自用工之日起三十日内办理社保增员。' });
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status).toBe('ACTIVE');
    const delivery = await t.db.inboundDelivery.findUniqueOrThrow({ where: { platform_deliveryId: { platform: 'sandbox', deliveryId: event.deliveryId } } });
    expect(delivery.handledAt).not.toBeNull();
    expect(delivery.error).toBeNull();
  });

  it('routes 未到岗 to the decision', async () => {
    const hire = await dueHire('赵六');
    const event = click(onboardingCardKey(hire.id, 'sandbox'), ONBOARDING_NO_SHOW);
    await router.accept(event);
    expect(await router.handle(event)).toEqual({ text: '已记录 赵六 未到岗，已取消入职（离职日期 2026-12-24）。' });
  });

  it('does not accept the same delivery twice, so a platform retry changes nothing', async () => {
    const hire = await dueHire('钱七');
    const event = click(onboardingCardKey(hire.id, 'sandbox'), ONBOARDING_ARRIVED);
    expect(await router.accept(event)).toBe(true);
    await router.handle(event);
    const queued = outbox.messages.length;
    expect(await router.accept({ ...event, receivedAt: new Date() })).toBe(false);
    expect(outbox.messages).toHaveLength(queued);
    expect(await t.db.statusChange.count({ where: { employeeId: hire.id } })).toBe(2);
  });
});
