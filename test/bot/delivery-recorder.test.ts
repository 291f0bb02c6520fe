import { describe, expect, it } from 'vitest';
import { createDeliveryRecorder } from '../../src/bot/delivery-recorder.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const text = (deliveryId: string): InboundEvent => ({ kind: 'message.text', platform: 'wecom', deliveryId, operatorUserId: 'u1', receivedAt: new Date(), text: '帮助' });

describe('delivery recorder', () => {
  it('answers true once per (platform, deliveryId), even for copies arriving in the same batch', async () => {
    const recorder = createDeliveryRecorder(t.db);
    const answers = await Promise.all([text('m1'), text('m2'), text('m1'), text('m3'), text('m2')].map((e) => recorder.record(e)));
    expect(answers).toEqual([true, true, false, true, false]);
    expect(await recorder.record(text('m1'))).toBe(false);
    expect(await t.db.inboundDelivery.count()).toBe(3);
  });

  it('records the same delivery id on another platform separately', async () => {
    const recorder = createDeliveryRecorder(t.db);
    expect(await recorder.record({ ...text('m1'), platform: 'dingtalk' })).toBe(true);
  });

  it('splits a burst larger than one batch and loses nothing', async () => {
    const recorder = createDeliveryRecorder(t.db);
    const answers = await Promise.all(Array.from({ length: 450 }, (_, i) => recorder.record(text(`burst-${i}`))));
    expect(answers.every(Boolean)).toBe(true);
    expect(await t.db.inboundDelivery.count({ where: { deliveryId: { startsWith: 'burst-' } } })).toBe(450);
  });
});
