// DingTalk robot sends have no idempotency key. The outbox notes each batch of ≤ 20 users before
// the call and DingTalk's processQueryKey after: a retry after an answered error resends only the
// batches not yet sent, and a batch whose answer was lost (crash, timeout) is never resent — the
// message waits in the dead letters as "outcome unknown" with a Chinese explanation for HR.
import { afterAll, describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../src/outbox/deliver-outbox-message.ts';
import { OUTCOME_UNKNOWN } from '../../src/outbox/send-journal.ts';
import { createDingtalkChatPlatform } from '../../src/platforms/dingtalk/dingtalk-chat-platform.ts';
import { PlatformApiError } from '../../src/platforms/platform-api-error.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { QUICK_RETRY, enqueueCommitted, startWorkers, waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';

const t = await createTestDb({ retry: QUICK_RETRY });
const fake = await startFakeDingtalkApiServer();
afterAll(() => fake.close());
const platforms = { dingtalk: createDingtalkChatPlatform(dingtalkClientFor(fake, t, { timeoutMs: 500 })) };
const deps = { db: t.db, platforms, now: () => new Date() };
const BATCH_SEND = '/v1.0/robot/oToMessages/batchSend';

const users = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const textsTo = (userId: string, text: string) => fake.robotMessages.filter((m) => m.userId === userId && (m.msgParam as { content?: string }).content === text);
const row = (dedupeKey: string) => t.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

describe('DingTalk robot send journal', () => {
  it('after DingTalk refused the second batch, the retry sends only that batch: 25 members, each once', async () => {
    const to = users('jb', 25);
    await enqueueCommitted(t, { dedupeKey: 'journal-5xx', platform: 'dingtalk', recipients: to, payload: { kind: 'text', text: '请于周五前确认社保基数' } });
    const { id } = await row('journal-5xx');
    const before = fake.requestsTo(BATCH_SEND).length;
    // DingTalk accepts the first batch of 20 and answers the second with a 502.
    fake.failNext(1, '5xx', BATCH_SEND, 1);
    await expect(deliverOutboxMessage(deps, id)).rejects.toSatisfy((e) => e instanceof PlatformApiError && e.retryable);
    expect(fake.requestsTo(BATCH_SEND).length - before).toBe(2);
    expect(await deliverOutboxMessage(deps, id)).toBe('sent');
    for (const u of to) expect(textsTo(u, '请于周五前确认社保基数')).toHaveLength(1);
    const result = (await row('journal-5xx')).result as { readQueryKeys: string[] };
    expect(result.readQueryKeys).toHaveLength(2);
  });

  it('when the answer is lost (DingTalk sent, the connection died), the retry does not resend and HR sees why', async () => {
    await startWorkers(t, platforms);
    fake.failNext(1, 'answer-lost', BATCH_SEND);
    await enqueueCommitted(t, { dedupeKey: 'journal-lost', platform: 'dingtalk', recipients: ['lost1', 'lost2'], payload: { kind: 'text', text: '您的入职材料已收到' } });
    const dead = await waitFor('outcome unknown in the dead letters', async () => {
      const r = await row('journal-lost');
      return r.status === 'DEAD' ? r : undefined;
    }, 30_000);
    expect(dead.lastError).toContain(OUTCOME_UNKNOWN);
    expect(dead.lastError).toContain('请向接收人确认是否收到');
    expect(textsTo('lost1', '您的入职材料已收到')).toHaveLength(1);
    expect(textsTo('lost2', '您的入职材料已收到')).toHaveLength(1);
    expect(fake.requestsTo(BATCH_SEND).filter((r) => (r.body as { userIds: string[] }).userIds.includes('lost1'))).toHaveLength(1);
  }, 45_000);

  it('a connection refused before sending is not "unknown": it is retried', async () => {
    const refused = createDingtalkChatPlatform(dingtalkClientFor(fake, t, { apiBase: 'http://127.0.0.1:9' }));
    await expect(refused.sendText(['r1'], '连接被拒绝', 'k')).rejects.toSatisfy((e) => e instanceof PlatformApiError && e.retryable && !e.maybeSent);
  });
});

