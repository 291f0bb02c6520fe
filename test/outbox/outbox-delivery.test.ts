// The outbox against the WeCom fake: a message exists exactly when its transaction commits,
// goes out once, is retried with backoff, and ends up in the dead letters when it cannot go.
import { afterAll, describe, expect, it } from 'vitest';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { parseEnv } from '../../src/config.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { testCard, wecomEnv } from '../platforms/platform-kit.ts';
import { enqueueCommitted, QUICK_RETRY, sleep, startWorkers, waitFor } from './outbox-kit.ts';

const t = await createTestDb({ retry: QUICK_RETRY });
const fake = await startFakeWecomServer();
afterAll(() => fake.close());
await startWorkers(t, createChatPlatforms(parseEnv(wecomEnv(fake)), { db: t.db }));

const statusOf = async (dedupeKey: string) => (await t.db.outboxMessage.findUnique({ where: { dedupeKey } }))?.status;
const sent = (dedupeKey: string) => waitFor(`${dedupeKey} sent`, async () => (await statusOf(dedupeKey)) === 'SENT');
const jobs = async () => Number((await t.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'outbox'`))[0]?.n);

describe('enqueue', () => {
  it('leaves nothing behind when the transaction rolls back', async () => {
    const before = await jobs();
    await t.db
      .$transaction(async (tx) => {
        await t.deps.outbox.enqueue(tx, { dedupeKey: 'rolled-back', platform: 'wecom', recipients: ['rb'], payload: { kind: 'text', text: '不该发出' } });
        throw new Error('domain change failed');
      })
      .catch(() => undefined);
    await sleep(1500);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: 'rolled-back' } })).toBe(0);
    expect(await jobs()).toBe(before);
    expect(fake.deliveredTo('rb')).toHaveLength(0);
  });

  it('delivers a committed card once and keeps its response codes for the update', async () => {
    const card = testCard('ob-card-1');
    await enqueueCommitted(t, { dedupeKey: 'card:ob-card-1', platform: 'wecom', recipients: ['hr1', 'hr2'], payload: { kind: 'card', card } });
    await sent('card:ob-card-1');
    await sleep(1000);
    expect(fake.deliveredTo('hr1').filter((d) => d.taskId === 'ob-card-1')).toHaveLength(1);
    const instance = await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: 'ob-card-1' } });
    expect(Object.keys(instance.responseCodes as object)).toEqual(['hr1', 'hr2']);
  });

  it('sends a dedupe key enqueued twice once', async () => {
    const message = { dedupeKey: 'twice', platform: 'wecom' as const, recipients: ['tw'], payload: { kind: 'text' as const, text: '只发一次' } };
    await enqueueCommitted(t, message);
    await enqueueCommitted(t, message);
    await sent('twice');
    await sleep(1000);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: 'twice' } })).toBe(1);
    expect(fake.requestsTo('/cgi-bin/message/send').filter((r) => (r.body as { touser: string }).touser === 'tw')).toHaveLength(1);
  });

  it('enqueues a batch in one go: each new key sent once, a key already queued skipped, the policy on every job', async () => {
    const text = (dedupeKey: string, to: string) => ({ dedupeKey, platform: 'wecom' as const, recipients: [to], payload: { kind: 'text' as const, text: '批量提醒' } });
    await enqueueCommitted(t, text('batch-a', 'ba'));
    await t.db.$transaction((tx) => t.deps.outbox.enqueueMany(tx, [text('batch-a', 'ba'), text('batch-b', 'bb'), text('batch-c', 'bc')]));
    await Promise.all(['batch-a', 'batch-b', 'batch-c'].map(sent));
    await sleep(1000);
    for (const to of ['ba', 'bb', 'bc']) expect(fake.deliveredTo(to)).toHaveLength(1);
    const policy = await t.db.$queryRawUnsafe<{ retry_limit: number; expire_seconds: number; dead_letter: string }[]>(
      `SELECT j.retry_limit, j.expire_seconds, j.dead_letter FROM pgboss.job j JOIN "OutboxMessage" m ON m.id = j.id WHERE m."dedupeKey" IN ('batch-b', 'batch-c')`,
    );
    expect(policy).toEqual([0, 1].map(() => ({ retry_limit: QUICK_RETRY.retryLimit, expire_seconds: QUICK_RETRY.expireInSeconds, dead_letter: 'outbox-dead' })));
  });

  it('rolls a whole batch back with its transaction', async () => {
    const before = await jobs();
    await t.db
      .$transaction(async (tx) => {
        await t.deps.outbox.enqueueMany(tx, [{ dedupeKey: 'batch-rb', platform: 'wecom', recipients: ['brb'], payload: { kind: 'text', text: '不该发出' } }]);
        throw new Error('domain change failed');
      })
      .catch(() => undefined);
    expect(await t.db.outboxMessage.count({ where: { dedupeKey: 'batch-rb' } })).toBe(0);
    expect(await jobs()).toBe(before);
  });

  it('updates a decided card for everyone with the stored codes, then forgets them', async () => {
    await enqueueCommitted(t, { dedupeKey: 'card:ob-card-2', platform: 'wecom', recipients: ['hr1', 'hr2'], payload: { kind: 'card', card: testCard('ob-card-2') } });
    await sent('card:ob-card-2');
    const decided = testCard('ob-card-2', { label: '已确认到岗', byName: '李人事', at: new Date().toISOString() });
    await enqueueCommitted(t, { dedupeKey: 'card:ob-card-2:decided', platform: 'wecom', recipients: ['hr1', 'hr2'], payload: { kind: 'card_update', card: decided } });
    await sent('card:ob-card-2:decided');
    expect(fake.cardUpdates.at(-1)).toMatchObject({ userIds: ['hr1', 'hr2'], card: { task_id: 'ob-card-2', card_type: 'text_notice' } });
    expect((await t.db.cardInstance.findUniqueOrThrow({ where: { cardKey: 'ob-card-2' } })).responseCodes).toEqual({});
  });
});

describe('failures', () => {
  it('retries a 5xx with growing waits and sends once', async () => {
    fake.failNext(2, '5xx', '/cgi-bin/message/send');
    await enqueueCommitted(t, { dedupeKey: 'flaky', platform: 'wecom', recipients: ['fl'], payload: { kind: 'text', text: '重试后送达' } });
    await sent('flaky');
    const times = fake.requestsTo('/cgi-bin/message/send').filter((r) => (r.body as { touser: string }).touser === 'fl').map((r) => r.at);
    expect(times).toHaveLength(3);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(900);
    expect((times[2] as number) - (times[1] as number)).toBeGreaterThanOrEqual(1900);
    expect(fake.deliveredTo('fl')).toHaveLength(1);
    expect(await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'flaky' } })).toMatchObject({ attempts: 3, lastError: null });
  });

  it('marks a message dead at once when retrying cannot help', async () => {
    const bad = { ...testCard('ob-bad'), buttons: [], url: undefined }; // a WeCom notice card needs a link
    await enqueueCommitted(t, { dedupeKey: 'card:ob-bad', platform: 'wecom', recipients: ['hr1'], payload: { kind: 'card', card: bad } });
    await waitFor('dead', async () => (await statusOf('card:ob-bad')) === 'DEAD', 10_000);
    expect(await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:ob-bad' } })).toMatchObject({ attempts: 1, lastError: expect.stringContaining('bad_card') });
  });

  it('marks a message dead once its retries are exhausted', async () => {
    fake.failNext(QUICK_RETRY.retryLimit + 1, '5xx', '/cgi-bin/message/send');
    await enqueueCommitted(t, { dedupeKey: 'always-502', platform: 'wecom', recipients: ['dd'], payload: { kind: 'text', text: '发不出去' } });
    await waitFor('dead', async () => (await statusOf('always-502')) === 'DEAD', 30_000);
    expect(await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'always-502' } })).toMatchObject({ attempts: QUICK_RETRY.retryLimit + 1, lastError: expect.stringContaining('502') });
    expect(fake.deliveredTo('dd')).toHaveLength(0);
  }, 40_000);
});
