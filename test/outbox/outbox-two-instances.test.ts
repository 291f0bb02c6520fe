// Two app instances run outbox workers on one database: pg-boss hands each job to one of them
// (SELECT … FOR UPDATE SKIP LOCKED), so every message reaches WeCom once.
import { afterAll, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { startOutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { testCard, wecomEnv } from '../platforms/platform-kit.ts';
import { waitFor } from './outbox-kit.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());

const instances: { stop(): Promise<void> }[] = [];
// Registered after createTestDb's hook, so (hooks run as a stack) both instances stop before the
// database is dropped: a worker still polling a dropped database is an error, not a test result.
afterAll(async () => {
  for (const instance of instances) await instance.stop();
});

async function startInstance() {
  const boss = await openOutboxBoss({ databaseUrl: t.url, log: createLogger('silent'), max: 4 });
  // Each instance has its own clients, limiter and in-memory token cache, like a separate process.
  const workers = await startOutboxWorkers({ boss, db: t.db, platforms: createChatPlatforms(parseEnv(wecomEnv(fake)), { db: t.db }), log: createLogger('silent'), concurrency: 2 });
  instances.push({
    async stop() {
      await workers.stop();
      await boss.stop({ graceful: false });
    },
  });
}

it('sends each of 60 messages once with two instances working the queue', async () => {
  await startInstance();
  await startInstance();
  await t.db.$transaction(async (tx) => {
    for (let i = 0; i < 30; i++) {
      await t.deps.outbox.enqueue(tx, { dedupeKey: `text:${i}`, platform: 'wecom', recipients: [`t${i}`], payload: { kind: 'text', text: `消息 ${i}` } });
      await t.deps.outbox.enqueue(tx, { dedupeKey: `card:two-${i}`, platform: 'wecom', recipients: [`c${i}`], payload: { kind: 'card', card: testCard(`two-${i}`) } });
    }
  });
  await waitFor('all sent', async () => (await t.db.outboxMessage.count({ where: { status: 'SENT' } })) === 60, 30_000);
  const sends = fake.requestsTo('/cgi-bin/message/send').map((r) => (r.body as { touser: string }).touser);
  expect(sends).toHaveLength(60);
  expect(new Set(sends).size).toBe(60);
  // One fetch per process at most (two only if both started on an empty cache at the same moment).
  expect(fake.requestsTo('/cgi-bin/gettoken').length).toBeLessThanOrEqual(2);
});
