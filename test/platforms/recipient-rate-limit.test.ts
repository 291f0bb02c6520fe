// WeCom silently drops the 31st message in a minute to one member; the client waits instead.
import { afterAll, describe, expect, it } from 'vitest';
import { createRecipientRateLimiter } from '../../src/platforms/wecom/recipient-rate-limit.ts';
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

describe('recipient rate limiter', () => {
  it('lets 30 messages a minute through and holds the 31st until the oldest is a minute old', async () => {
    const v = virtualClock();
    const limiter = createRecipientRateLimiter({ now: v.now, sleep: v.sleep });
    for (let i = 0; i < 30; i++) {
      await limiter.acquire(['zhangsan']);
      v.clock.now += 100;
    }
    await limiter.acquire(['lisi']); // another member is not held back
    expect(v.clock.slept).toEqual([]);
    await limiter.acquire(['zhangsan', 'lisi']);
    expect(v.clock.slept).toEqual([60_000 - 3000]);
  });

  it('counts a send from when its call ended, so a slow send cannot land inside a later minute', async () => {
    const v = virtualClock();
    const t0 = v.clock.now;
    const limiter = createRecipientRateLimiter({ now: v.now, sleep: v.sleep, windows: [{ limit: 2, windowMs: 60_000 }] });
    const slow = await limiter.acquire(['zhangsan']);
    v.clock.now += 100;
    (await limiter.acquire(['zhangsan']))(); // answered at once
    v.clock.now = t0 + 5000;
    slow(); // answered 5 s later: WeCom may have counted it at any instant up to now
    await limiter.acquire(['zhangsan']); // a minute after the fast one
    await limiter.acquire(['zhangsan']); // a minute after the slow one's answer, not after it was let go
    expect(v.clock.slept).toEqual([55_100, 4_900]);
  });

  it('hands a wait longer than maxWait back as a retryable error (the 1000/h limit)', async () => {
    const v = virtualClock();
    const limiter = createRecipientRateLimiter({ now: v.now, sleep: v.sleep, windows: [{ limit: 2, windowMs: 3_600_000 }] });
    await limiter.acquire(['a']);
    await limiter.acquire(['a']);
    await expect(limiter.acquire(['a'])).rejects.toMatchObject({ errcode: 'recipient_rate_limit', retryable: true });
  });
});

const t = await createTestDb();
const v = virtualClock(Date.now());
const fake = await startFakeWecomServer({ now: v.now });
afterAll(() => fake.close());

describe('sending 35 messages to one member', () => {
  it('loses none: the client waits where WeCom would have dropped', async () => {
    const wecom = wecomClientFor(fake, t, { limiter: createRecipientRateLimiter({ now: v.now, sleep: v.sleep }) });
    for (let i = 0; i < 35; i++) await wecom.send(['wangwu'], { msgtype: 'text', text: { content: `提醒 ${i}` } });
    expect(fake.deliveredTo('wangwu')).toHaveLength(35);
    expect(fake.dropped).toHaveLength(0);
    expect(v.clock.slept.length).toBeGreaterThan(0);
  });

  it('would lose the excess without the limiter (the fake drops like WeCom)', async () => {
    const unlimited = wecomClientFor(fake, t, { limiter: createRecipientRateLimiter({ windows: [{ limit: 1e9, windowMs: 1 }] }) });
    for (let i = 0; i < 31; i++) await unlimited.send(['zhaoliu'], { msgtype: 'text', text: { content: `提醒 ${i}` } });
    expect(fake.deliveredTo('zhaoliu')).toHaveLength(30);
    expect(fake.dropped.filter((d) => d.userId === 'zhaoliu')).toHaveLength(1);
  });
});
