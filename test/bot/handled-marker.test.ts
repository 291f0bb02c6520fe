import { describe, expect, it } from 'vitest';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../src/bot/inbound-event.ts';
import type { Listener } from '../../src/bot/listener.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const log = createLogger('silent');
const text = (deliveryId: string, body = '帮助'): InboundEvent => ({ kind: 'message.text', platform: 'wecom', deliveryId, operatorUserId: 'u1', receivedAt: new Date(), text: body });
const rowOf = (deliveryId: string) => t.db.inboundDelivery.findUniqueOrThrow({ where: { platform_deliveryId: { platform: 'wecom', deliveryId } } });

describe('out-of-band handling marks deliveries handled in batches', () => {
  it('commits every mark of a burst before handle() resolves: no listener, no reply, a failed listener', async () => {
    const handled: string[] = [];
    const listeners: Listener[] = [
      {
        route: 'message.text',
        handle: async ({ event }) => {
          if (event.kind === 'message.text' && event.text === 'boom') throw new Error('listener broke');
          handled.push(event.deliveryId);
        },
      },
    ];
    const router = createBotRouter(t.deps, listeners, log);
    const quiet = Array.from({ length: 250 }, (_, i) => text(`hm-quiet-${i}`));
    const failing = text('hm-fail', 'boom');
    const unrouted: InboundEvent = { kind: 'event', platform: 'wecom', deliveryId: 'hm-unrouted', operatorUserId: 'u1', receivedAt: new Date(), name: 'nobody_listens', data: {} };
    const all = [...quiet, failing, unrouted];
    expect(await Promise.all(all.map((e) => router.accept(e)))).toEqual(all.map(() => true));

    const outcomes = await Promise.allSettled(all.map((e) => router.handle(e)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    // Each handle() resolved only after its mark committed: nothing is left unmarked.
    const rows = await t.db.inboundDelivery.findMany({ where: { deliveryId: { startsWith: 'hm-' } } });
    expect(rows).toHaveLength(252);
    expect(rows.filter((r) => r.handledAt === null)).toEqual([]);
    expect((await rowOf('hm-quiet-7')).error).toBeNull();
    expect((await rowOf('hm-fail')).error).toBe('listener broke');
    expect((await rowOf('hm-unrouted')).error).toBe('no listener');
    expect(handled.sort()).toEqual(quiet.map((e) => e.deliveryId).sort());
  });

  it('handles a redelivered callback once: the copy is not accepted, so it is never dispatched', async () => {
    let runs = 0;
    const router = createBotRouter(t.deps, [{ route: 'message.text', handle: async () => void runs++ }], log);
    const [first, copy] = await Promise.all([router.accept(text('hm-dup')), router.accept(text('hm-dup'))]);
    expect([first, copy]).toEqual([true, false]);
    await router.handle(text('hm-dup'));
    expect(await router.accept(text('hm-dup'))).toBe(false);
    expect(runs).toBe(1);
    expect((await rowOf('hm-dup')).handledAt).not.toBeNull();
  });

  it('drain() waits for the handlings in flight, so a graceful stop does not cut them off', async () => {
    let open!: () => void;
    const gate = new Promise<void>((ok) => (open = ok));
    const router = createBotRouter(t.deps, [{ route: 'message.text', handle: () => gate }], log);
    await router.accept(text('hm-drain'));
    const handling = router.handle(text('hm-drain'));
    let drained = false;
    const drain = router.drain().then(() => (drained = true));
    await new Promise((ok) => setTimeout(ok, 50));
    expect(drained).toBe(false);
    open();
    await drain;
    await handling;
    // Drained means marked: the stopping process leaves nothing for the redrive.
    expect((await rowOf('hm-drain')).handledAt).not.toBeNull();
    await router.drain();
  });
});
