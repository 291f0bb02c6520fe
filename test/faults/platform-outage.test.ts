// Both platforms fail for a while — 5xx, answers lost after the platform acted, rejected access
// tokens (WeCom 42001, DingTalk 401 InvalidAuthentication) — while messages are queued. After
// recovery every message is delivered, no member sees one twice, and the dead letters hold only
// the message that cannot be delivered at all (a member WeCom does not know, 81013).
import { afterAll, describe, expect, it } from 'vitest';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { createWecomChatPlatform } from '../../src/platforms/wecom/wecom-chat-platform.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { enqueueCommitted, sleep, startWorkers, waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor, testCard, wecomClientFor } from '../platforms/platform-kit.ts';

// Retries every 1–2 s, enough of them to outlast the outage (production: 10 over about 2 h).
const t = await createTestDb({ retry: { retryLimit: 15, retryDelay: 1, retryDelayMax: 2, expireInSeconds: 10, heartbeatSeconds: 10 } });
const wecom = await startFakeWecomServer();
const dingtalk = await startFakeDingtalkApiServer();
afterAll(() => Promise.all([wecom.close(), dingtalk.close()]));
const platforms = {
  wecom: createWecomChatPlatform(wecomClientFor(wecom, t, { timeoutMs: 500 })),
  dingtalk: createDingtalkChatPlatform(dingtalkClientFor(dingtalk, t, { timeoutMs: 500 })),
};
const CREATE_CARD = '/v1.0/card/instances/createAndDeliver';
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('a platform outage', () => {
  it('delivers everything once after recovery; only the undeliverable message is dead', async () => {
    wecom.invalidUsers.add('ghost');
    // WeCom: two sends acted on with the answer lost, five rejected tokens, then 5xx until recovery.
    wecom.failNext(2, 'answer-lost');
    wecom.failNext(5, 'expired-token');
    wecom.failNext(10_000, '5xx');
    // DingTalk: card creations acted on with the answer lost (outTrackId makes them safe),
    // rejected tokens, then 5xx. Robot texts never meet a lost answer here: that case is
    // "outcome unknown" by design (dingtalk-robot-journal.test.ts).
    dingtalk.failNext(2, 'answer-lost', CREATE_CARD);
    dingtalk.failNext(5, 'expired-token');
    dingtalk.failNext(10_000, '5xx');
    await startWorkers(t, platforms);

    for (const i of range(5)) {
      await enqueueCommitted(t, { dedupeKey: `out-wc-${i}`, platform: 'wecom', recipients: ['w1', 'w2'], payload: { kind: 'card', card: testCard(`out-wc-${i}`) } });
      await enqueueCommitted(t, { dedupeKey: `out-wt-${i}`, platform: 'wecom', recipients: ['w3'], payload: { kind: 'text', text: `企业微信提醒 ${i}` } });
      await enqueueCommitted(t, { dedupeKey: `out-dc-${i}`, platform: 'dingtalk', recipients: ['d1'], payload: { kind: 'card', card: testCard(`out-dc-${i}`) } });
      await enqueueCommitted(t, { dedupeKey: `out-dt-${i}`, platform: 'dingtalk', recipients: ['d2', 'd3'], payload: { kind: 'text', text: `钉钉提醒 ${i}` } });
    }
    await enqueueCommitted(t, { dedupeKey: 'out-ghost', platform: 'wecom', recipients: ['ghost'], payload: { kind: 'text', text: '发给不存在的成员' } });

    await sleep(5000); // the outage
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'out-' }, status: 'DEAD', NOT: { dedupeKey: 'out-ghost' } } })).toBe(0);
    wecom.clearFailures();
    dingtalk.clearFailures();

    await waitFor('every message settled', async () => (await t.db.outboxMessage.count({ where: { dedupeKey: { startsWith: 'out-' }, status: 'PENDING' } })) === 0, 60_000);
    await sleep(1500); // a duplicate would arrive now
    const dead = await t.db.outboxMessage.findMany({ where: { status: 'DEAD' } });
    expect(dead.map((m) => m.dedupeKey)).toEqual(['out-ghost']);
    expect(dead[0]?.lastError).toContain('81013');
    for (const i of range(5)) {
      for (const u of ['w1', 'w2']) expect(wecom.deliveredTo(u).filter((d) => d.taskId === `out-wc-${i}`)).toHaveLength(1);
      expect(wecom.deliveredTo('w3').filter((d) => d.message.content === `企业微信提醒 ${i}`)).toHaveLength(1);
      expect(dingtalk.cards.get(`out-dc-${i}`)?.userIds).toEqual(['d1']);
      for (const u of ['d2', 'd3']) expect(dingtalk.robotMessages.filter((m) => m.userId === u && (m.msgParam as { content: string }).content === `钉钉提醒 ${i}`)).toHaveLength(1);
    }
    // The outage really happened: sends were refused and tokens fetched again.
    expect(wecom.requestsTo('/cgi-bin/gettoken').length).toBeGreaterThan(1);
    expect(dingtalk.requestsTo('/v1.0/oauth2/accessToken').length).toBeGreaterThan(1);
  }, 120_000);
});
