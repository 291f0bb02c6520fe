// WeCom silently drops the 31st message in a minute to one member; the client waits instead,
// and the count lives in PostgreSQL, so two instances (two limiters, two pools) share it.
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { createRecipientRateLimiter, SEND_LATENCY_MARGIN_MS } from '../../src/platforms/wecom/recipient-rate-limit.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomClientFor } from './platform-kit.ts';

/** A virtual clock: sleeping moves it forward at once. */
function virtualClock(start = 1_700_000_000_000) {
  const clock = { now: start, slept: [] as number[] };
  return {
    clock,
    now: () => clock.now,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
      clock.now += ms;
    },
  };
}

const t = await createTestDb();

describe('recipient rate limiter', () => {
  it('lets 30 messages a minute through and holds the 31st until the oldest is a minute old', async () => {
    const v = virtualClock();
    const limiter = createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep });
    for (let i = 0; i < 30; i++) {
      await limiter.acquire(['zhangsan']);
      v.clock.now += 100;
    }
    await limiter.acquire(['lisi']); // another member is not held back
    expect(v.clock.slept).toEqual([]);
    await limiter.acquire(['zhangsan', 'lisi']);
    expect(v.clock.slept).toEqual([60_000 + SEND_LATENCY_MARGIN_MS - 3000]);
  });

  it('hands a wait longer than maxWait back as a retryable error (the 1000/h limit)', async () => {
    const v = virtualClock();
    const limiter = createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep, windows: [{ limit: 2, windowMs: 3_600_000 }] });
    await limiter.acquire(['a']);
    await limiter.acquire(['a']);
    await expect(limiter.acquire(['a'])).rejects.toMatchObject({ errcode: 'recipient_rate_limit', retryable: true });
  });

  it('counts nothing for any member when one of them must wait', async () => {
    const v = virtualClock(1_800_000_000_000);
    const limiter = createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep, maxWaitMs: 0, windows: [{ limit: 1, windowMs: 60_000 }] });
    await limiter.acquire(['full']);
    await expect(limiter.acquire(['free', 'full'])).rejects.toMatchObject({ errcode: 'recipient_rate_limit' });
    await limiter.acquire(['free']); // "free" was not charged for the refused send
  });
});

describe('a slow send', () => {
  it('is counted when its answer came back, so WeCom never sees the next one inside its minute', async () => {
    const v = virtualClock(1_800_000_000_000);
    const limiter = createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep, marginMs: 0, windows: [{ limit: 1, windowMs: 60_000 }] });
    const permit = await limiter.acquire(['slowpoke']);
    v.clock.now += 5_000; // the message reached WeCom somewhere in these 5 s
    await permit.sent();
    v.clock.now += 55_000; // a minute after the decision, 55 s after the answer
    await limiter.acquire(['slowpoke']);
    expect(v.clock.slept).toEqual([5_000]);
  });
});

describe('two instances on one database', () => {
  it('share one member limit: a second limiter waits for the sends of the first', async () => {
    const v = virtualClock(1_900_000_000_000);
    const other = createDb(t.url, 2);
    afterAll(() => other.$disconnect());
    const a = createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep });
    const b = createRecipientRateLimiter({ db: other, now: v.now, sleep: v.sleep });
    for (let i = 0; i < 15; i++) {
      await a.acquire(['shared']);
      await b.acquire(['shared']);
    }
    expect(v.clock.slept).toEqual([]);
    await b.acquire(['shared']);
    expect(v.clock.slept).toEqual([60_000 + SEND_LATENCY_MARGIN_MS]);
  });

  it('never lets racing instances past the limit together', async () => {
    const others = [createDb(t.url, 3), createDb(t.url, 3)];
    afterAll(() => Promise.all(others.map((d) => d.$disconnect())));
    const [a, b] = others.map((db) => createRecipientRateLimiter({ db, maxWaitMs: 0, windows: [{ limit: 30, windowMs: 3_600_000 }] }));
    const tries = Array.from({ length: 25 }, () => [a!.acquire(['raced']), b!.acquire(['raced'])]).flat();
    const outcomes = await Promise.allSettled(tries);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(30);
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(refused).toHaveLength(20);
    for (const r of refused) expect(r.reason).toMatchObject({ errcode: 'recipient_rate_limit', retryable: true });
  });
});

const v = virtualClock(Date.now());
const fake = await startFakeWecomServer({ now: v.now });
afterAll(() => fake.close());

describe('sending 35 messages to one member', () => {
  it('loses none: the client waits where WeCom would have dropped', async () => {
    const wecom = wecomClientFor(fake, t, { limiter: createRecipientRateLimiter({ db: t.db, now: v.now, sleep: v.sleep }) });
    for (let i = 0; i < 35; i++) await wecom.send(['wangwu'], { msgtype: 'text', text: { content: `提醒 ${i}` } });
    expect(fake.deliveredTo('wangwu')).toHaveLength(35);
    expect(fake.dropped).toHaveLength(0);
    expect(v.clock.slept.length).toBeGreaterThan(0);
  });

  it('would lose the excess without the limiter (the fake drops like WeCom)', async () => {
    const unlimited = wecomClientFor(fake, t, { limiter: createRecipientRateLimiter({ db: t.db, windows: [{ limit: 1e9, windowMs: 1 }] }) });
    for (let i = 0; i < 31; i++) await unlimited.send(['zhaoliu'], { msgtype: 'text', text: { content: `提醒 ${i}` } });
    expect(fake.deliveredTo('zhaoliu')).toHaveLength(30);
    expect(fake.dropped.filter((d) => d.userId === 'zhaoliu')).toHaveLength(1);
  });
});
