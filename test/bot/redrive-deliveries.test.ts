// Deliveries acked and recorded by a process that died before handling them: the redrive hands
// them to the real router and listeners again, once, and only when they are stale; a delivery
// whose effects committed before the crash changes nothing the second time.
import { beforeAll, describe, expect, it } from 'vitest';
import { createBotRouter, type BotRouter } from '../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import { MAX_REDRIVES, REDRIVE_AFTER_SECONDS, redriveStaleDeliveries } from '../../src/bot/redrive-deliveries.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { makeActor } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

// Monday 2026-12-07, 10:00 in Shanghai.
const now = new Date('2026-12-07T02:00:00.000Z');
const t = await createTestDb({ now: () => now });
const log = createLogger('silent');
const router = createBotRouter(t.deps, listeners, log);
const say = (deliveryId: string, text: string, operatorUserId = 'rd-emp'): InboundEvent => ({ kind: 'message.text', platform: 'sandbox', deliveryId, operatorUserId, receivedAt: now, text });
const rowOf = (deliveryId: string) => t.db.inboundDelivery.findUniqueOrThrow({ where: { platform_deliveryId: { platform: 'sandbox', deliveryId } } });
/** As a crash leaves it: recorded (and acked) this long ago, never marked handled. */
const ageUnhandled = (deliveryIds: string[], seconds = REDRIVE_AFTER_SECONDS + 5) =>
  t.db.$executeRawUnsafe(`UPDATE "InboundDelivery" SET "handledAt" = NULL, error = NULL, "receivedAt" = now() - make_interval(secs => $1), "redrivenAt" = CASE WHEN "redrivenAt" IS NULL THEN NULL ELSE now() - make_interval(secs => $1) END WHERE "deliveryId" = ANY($2)`, seconds, deliveryIds);
const textsTo = async (userId: string) => (await t.db.outboxMessage.findMany({ where: { recipients: { equals: [userId] } } }))
  .map((m) => m.payload as { kind: string; text?: string }).filter((p) => p.kind === 'text').map((p) => p.text);

beforeAll(async () => {
  await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林人事', identities: { sandbox: 'rd-hr' } });
  await makeActor(t.deps, ['EMPLOYEE'], { name: '赵六', identities: { sandbox: 'rd-emp' } });
});

describe('redriving deliveries a stopped process acked but never handled', () => {
  it('handles a stale unhandled delivery once, and leaves a fresh one to the process still handling it', async () => {
    await router.accept(say('rd-lost', '帮助'));
    await router.accept(say('rd-fresh', '帮助'));
    await ageUnhandled(['rd-lost']);

    expect(await redriveStaleDeliveries(t.db, router, log)).toEqual({ redriven: 1, abandoned: 0, failed: 0 });
    expect((await rowOf('rd-lost')).handledAt).not.toBeNull();
    expect((await rowOf('rd-lost')).redriveCount).toBe(1);
    expect((await rowOf('rd-fresh')).handledAt).toBeNull();
    expect(await textsTo('rd-emp')).toHaveLength(1);
    // Handled now: the next sweep has nothing to do.
    expect(await redriveStaleDeliveries(t.db, router, log)).toEqual({ redriven: 0, abandoned: 0, failed: 0 });
  });

  it('stores a question typed in chat once when its handling is lost after the question committed', async () => {
    const event = say('rd-question', '咨询 我的社保基数是多少？');
    await router.accept(event);
    expect((await router.handle(event))?.text).toBe('已收到你的社保咨询，人事会在 2026-12-10 前答复你，答复会发到这里。');
    const cardsBefore = await t.db.outboxMessage.count({ where: { recipients: { equals: ['rd-hr'] } } });
    const repliesBefore = await textsTo('rd-emp');
    // The process died after the question's transaction and before the handled mark.
    await ageUnhandled(['rd-question']);

    expect(await redriveStaleDeliveries(t.db, router, log)).toMatchObject({ redriven: 1, failed: 0 });
    expect(await t.db.employeeQuestion.count({ where: { text: '我的社保基数是多少？' } })).toBe(1);
    expect(await t.db.outboxMessage.count({ where: { recipients: { equals: ['rd-hr'] } } })).toBe(cardsBefore);
    // The reply is keyed by the delivery: the employee reads it once.
    expect(await textsTo('rd-emp')).toEqual(repliesBefore);
    expect(await t.db.auditEvent.count({ where: { type: 'question.asked', data: { path: ['channel'], equals: 'sandbox' } } })).toBe(1);
  });

  it('gives each stale delivery to one of two instances sweeping at once', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `rd-race-${i}`);
    for (const id of ids) await router.accept(say(id, '帮助'));
    await ageUnhandled(ids);
    const handled: string[] = [];
    const counting = (): BotRouter => ({ accept: router.accept, drain: router.drain, handle: async (e) => { handled.push(e.deliveryId); return router.handle(e); } });
    const [a, b] = await Promise.all([redriveStaleDeliveries(t.db, counting(), log), redriveStaleDeliveries(t.db, counting(), log)]);
    expect(a.redriven + b.redriven).toBe(30);
    expect(handled.sort()).toEqual([...ids].sort());
    expect((await t.db.inboundDelivery.findMany({ where: { deliveryId: { in: ids } } })).filter((r) => r.handledAt === null)).toEqual([]);
  });

  it(`closes a delivery with an error after ${MAX_REDRIVES} redrives that never marked it handled`, async () => {
    await router.accept(say('rd-stuck', '帮助'));
    let calls = 0;
    // A process that dies during every redrive: the listener runs, the mark never commits.
    const dying: BotRouter = { accept: router.accept, drain: router.drain, handle: async () => void calls++ };
    for (let i = 0; i < MAX_REDRIVES; i++) {
      await ageUnhandled(['rd-stuck']);
      expect(await redriveStaleDeliveries(t.db, dying, log)).toMatchObject({ redriven: 1 });
    }
    await ageUnhandled(['rd-stuck']);
    expect(await redriveStaleDeliveries(t.db, dying, log)).toEqual({ redriven: 0, abandoned: 1, failed: 0 });
    expect(calls).toBe(MAX_REDRIVES);
    const row = await rowOf('rd-stuck');
    expect(row.handledAt).not.toBeNull();
    expect(row.error).toBe(`not handled after ${MAX_REDRIVES} redrives`);
    expect(await redriveStaleDeliveries(t.db, dying, log)).toEqual({ redriven: 0, abandoned: 0, failed: 0 });
  });

  it('handles again a delivery whose listener lost a database race, and marks for good one that failed otherwise', async () => {
    let calls = 0;
    const racy = createBotRouter(t.deps, [{
      route: 'message.text',
      handle: async ({ event }) => {
        calls++;
        if (event.kind === 'message.text' && event.text === 'bug') throw new Error('listener bug');
        // The first try loses to another transaction (serialization failure), as PostgreSQL reports it.
        if (calls === 1) await t.db.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'could not serialize access' USING ERRCODE = '40001'; END $$`);
      },
    }], log);
    await racy.accept(say('rd-race-lost', '帮助'));
    await expect(racy.handle(say('rd-race-lost', '帮助'))).rejects.toThrow();
    expect((await rowOf('rd-race-lost')).handledAt).toBeNull();
    await racy.accept(say('rd-bug', 'bug'));
    await expect(racy.handle(say('rd-bug', 'bug'))).rejects.toThrow('listener bug');
    expect((await rowOf('rd-bug')).error).toBe('listener bug');

    await ageUnhandled(['rd-race-lost']);
    expect(await redriveStaleDeliveries(t.db, racy, log)).toEqual({ redriven: 1, abandoned: 0, failed: 0 });
    expect(await rowOf('rd-race-lost')).toMatchObject({ error: null, redriveCount: 1 });
    expect((await rowOf('rd-race-lost')).handledAt).not.toBeNull();
    expect(calls).toBe(3);
  });
});
