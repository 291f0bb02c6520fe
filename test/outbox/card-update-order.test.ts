// A card update waits for its card, and never shows a decided card open again. Found by the DingTalk month test: an instance died holding
// the day-23 cards, HR recorded the enrolments meanwhile, and the closing updates reached DingTalk
// before the cards (param.outTrackIdNotExist → dead letters), so the cards then appeared open, with
// their buttons, for hires already enrolled. On WeCom the early update silently did nothing.
import { afterAll, describe, expect, it } from 'vitest';
import type { CardModel } from '../../cards/card-model.ts';
import { deliverOutboxMessage, type DeliveryDeps } from '../../src/outbox/deliver-outbox-message.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { dingtalkClientFor, testCard, wecomClientFor } from '../platforms/platform-kit.ts';
import { enqueueCommitted } from './outbox-kit.ts';

const t = await createTestDb();
const dingtalk = await startFakeDingtalkApiServer();
const wecom = await startFakeWecomServer();
afterAll(() => Promise.all([dingtalk.close(), wecom.close()]));
// No workers: each delivery attempt is made by the test, in the order a race could make them.
const deps: DeliveryDeps = {
  db: t.db,
  now: () => new Date(),
  platforms: { dingtalk: createDingtalkChatPlatform(dingtalkClientFor(dingtalk, t)), wecom: createWecomChatPlatform(wecomClientFor(wecom, t)) },
};
const decided = (key: string): CardModel => testCard(key, { label: '已处理', byName: '人事甲', at: '2026-11-17T02:00:00.000Z' });
const idOf = async (dedupeKey: string) => (await t.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } })).id;
const rowOf = (dedupeKey: string) => t.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

async function queueCardAndUpdate(platform: 'dingtalk' | 'wecom', key: string, recipients: string[]) {
  await enqueueCommitted(t, { dedupeKey: `card:${key}`, platform, recipients, payload: { kind: 'card', card: testCard(key) } });
  await enqueueCommitted(t, { dedupeKey: `card-update:${key}`, platform, recipients, payload: { kind: 'card_update', card: decided(key) } });
}

describe('a card update whose card is still queued', () => {
  it('DingTalk: waits (retryable, nothing called), then updates the card once it exists', async () => {
    await queueCardAndUpdate('dingtalk', 'order-dt-1', ['hr-a', 'hr-b']);
    await expect(deliverOutboxMessage(deps, await idOf('card-update:order-dt-1'))).rejects.toMatchObject({ errcode: 'card_queued', retryable: true });
    expect(dingtalk.requestsTo('/v1.0/card/instances')).toHaveLength(0);
    expect(await rowOf('card-update:order-dt-1')).toMatchObject({ status: 'PENDING', attempts: 1 });

    expect(await deliverOutboxMessage(deps, await idOf('card:order-dt-1'))).toBe('sent');
    expect(await deliverOutboxMessage(deps, await idOf('card-update:order-dt-1'))).toBe('sent');
    const card = dingtalk.cards.get('order-dt-1');
    expect(card?.updates).toHaveLength(1);
    expect((await rowOf('card-update:order-dt-1')).status).toBe('SENT');
  });

  it('WeCom: waits for the send and its response code instead of updating nothing', async () => {
    await queueCardAndUpdate('wecom', 'order-wc-1', ['hr-a']);
    await expect(deliverOutboxMessage(deps, await idOf('card-update:order-wc-1'))).rejects.toMatchObject({ errcode: 'card_queued' });
    expect(await deliverOutboxMessage(deps, await idOf('card:order-wc-1'))).toBe('sent');
    expect(await deliverOutboxMessage(deps, await idOf('card-update:order-wc-1'))).toBe('sent');
    expect(wecom.cardUpdates.map((u) => u.userIds)).toEqual([['hr-a']]);
  });

  it('skips the update of a card that could not be delivered, without calling the platform', async () => {
    await queueCardAndUpdate('dingtalk', 'order-dt-dead', ['hr-a']);
    await t.db.outboxMessage.update({ where: { dedupeKey: 'card:order-dt-dead' }, data: { status: 'DEAD', lastError: '平台拒绝' } });
    const calls = dingtalk.requests.length;
    expect(await deliverOutboxMessage(deps, await idOf('card-update:order-dt-dead'))).toBe('sent');
    expect(dingtalk.requests.length).toBe(calls);
    expect((await rowOf('card-update:order-dt-dead')).result).toMatchObject({ skipped: 'card_not_delivered' });
  });
});

describe('two updates of one card delivered out of order', () => {
  it('leaves a decided card decided: the refresh delivered after the decision does not reopen it', async () => {
    const key = 'order-dt-2';
    await enqueueCommitted(t, { dedupeKey: `card:${key}`, platform: 'dingtalk', recipients: ['hr-a'], payload: { kind: 'card', card: testCard(key) } });
    expect(await deliverOutboxMessage(deps, await idOf(`card:${key}`))).toBe('sent');
    // A refresh (v1), then the decision; the app's card row holds the decided model.
    const refreshed: CardModel = { ...testCard(key), subtitle: '材料已补齐' };
    await enqueueCommitted(t, { dedupeKey: `card-update:${key}:v1`, platform: 'dingtalk', recipients: ['hr-a'], payload: { kind: 'card_update', card: refreshed } });
    await enqueueCommitted(t, { dedupeKey: `card-update:${key}`, platform: 'dingtalk', recipients: ['hr-a'], payload: { kind: 'card_update', card: decided(key) } });
    await t.db.cardInstance.update({ where: { cardKey: key }, data: { model: decided(key) as object, state: 'DECIDED', version: 2 } });
    // The instance holding the refresh died; the decision went first.
    expect(await deliverOutboxMessage(deps, await idOf(`card-update:${key}`))).toBe('sent');
    expect(await deliverOutboxMessage(deps, await idOf(`card-update:${key}:v1`))).toBe('sent');
    const updates = dingtalk.cards.get(key)!.updates;
    expect(updates).toHaveLength(2);
    expect(updates[1]).toEqual(updates[0]);
    expect(JSON.stringify(updates[1])).toContain('已处理');
  });
});

describe('a card decided while it is held for quiet hours', () => {
  it('needs no update: it goes out decided when its hour comes', async () => {
    const key = 'order-dt-held';
    const morning = new Date(Date.now() + 10 * 3600_000);
    await enqueueCommitted(t, { dedupeKey: `card:${key}`, platform: 'dingtalk', recipients: ['hr-a'], payload: { kind: 'card', card: testCard(key) }, availableAt: morning });
    // Decided in the H5 overnight: the app's card row and the update carry the decision.
    await t.db.cardInstance.create({ data: { cardKey: key, platform: 'dingtalk', type: 'test.card', recipients: [{ userId: 'hr-a' }], model: decided(key) as object, state: 'DECIDED' } });
    await enqueueCommitted(t, { dedupeKey: `card-update:${key}`, platform: 'dingtalk', recipients: ['hr-a'], payload: { kind: 'card_update', card: decided(key) } });
    const calls = dingtalk.requests.length;
    expect(await deliverOutboxMessage(deps, await idOf(`card-update:${key}`))).toBe('sent');
    expect(dingtalk.requests.length).toBe(calls);
    expect((await rowOf(`card-update:${key}`)).result).toMatchObject({ skipped: 'card_held' });

    expect(await deliverOutboxMessage(deps, await idOf(`card:${key}`))).toBe('sent');
    const card = dingtalk.cards.get(key)!;
    expect(JSON.stringify(card.params)).toContain('已处理');
    expect(card.updates).toHaveLength(0);
  });
});
