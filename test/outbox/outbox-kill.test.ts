// Crash safety: a process is SIGKILLed right after committing (message queued, not sent) or
// right after WeCom accepted the card (sent, not yet marked). Another process delivers the
// first and recognises the second, and each member sees the card exactly once.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import type { PgBoss } from 'pg-boss';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { startOutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomEnv } from '../platforms/platform-kit.ts';
import { sleep, waitFor } from './outbox-kit.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());
const child = fileURLToPath(new URL('./outbox-kill-child.ts', import.meta.url));

/** Runs the child until it prints `signal`, then SIGKILLs it (if it has not killed itself). */
function runChildUntil(mode: string, cardKey: string, signal: string): Promise<string> {
  const args = JSON.stringify({ mode, databaseUrl: t.url, env: wecomEnv(fake), cardKey, userIds: ['hr1', 'hr2'] });
  const proc = spawn(process.execPath, [child, args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`child never printed ${signal}:\n${out}`)), 20_000);
    proc.stdout.on('data', () => out.includes(signal) && proc.kill('SIGKILL'));
    proc.once('exit', (_code, sig) => {
      clearTimeout(timer);
      if (sig === 'SIGKILL' && out.includes(signal)) ok(out);
      else fail(new Error(`child ended with ${sig ?? _code} before ${signal}:\n${out}`));
    });
  });
}

async function deliverFromThisProcess(boss?: PgBoss) {
  const platforms = createChatPlatforms(parseEnv(wecomEnv(fake)), { db: t.db });
  return startOutboxWorkers({ boss: boss ?? (await t.boss()), db: t.db, platforms, log: createLogger('silent') });
}

const sendsOf = (taskId: string) => fake.requestsTo('/cgi-bin/message/send').filter((r) => (r.body as { template_card?: { task_id?: string } }).template_card?.task_id === taskId);
const seenBy = (user: string, taskId: string) => fake.deliveredTo(user).filter((d) => d.taskId === taskId).length;

describe('a process killed mid-way', () => {
  it('after the commit, before sending: the next process delivers the card exactly once', async () => {
    await runChildUntil('before-send', 'kill-before', 'COMMITTED');
    expect(await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:kill-before' } })).toMatchObject({ status: 'PENDING' });
    expect(sendsOf('kill-before')).toHaveLength(0);
    const workers = await deliverFromThisProcess();
    await waitFor('sent', async () => (await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:kill-before' } }))?.status === 'SENT');
    await sleep(1500);
    await workers.stop();
    expect(sendsOf('kill-before')).toHaveLength(1);
    expect([seenBy('hr1', 'kill-before'), seenBy('hr2', 'kill-before')]).toEqual([1, 1]);
  });

  it('after WeCom accepted, before marking sent: the retry is recognised and nobody sees the card twice', async () => {
    await runChildUntil('after-send', 'kill-after', 'ACCEPTED');
    expect(await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:kill-after' } })).toMatchObject({ status: 'PENDING' });
    const workers = await deliverFromThisProcess();
    // The dead worker's job expires (5 s), pg-boss retries it here, WeCom says the task_id is used.
    await waitFor('sent', async () => (await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:kill-after' } }))?.status === 'SENT', 30_000);
    await workers.stop();
    expect(sendsOf('kill-after')).toHaveLength(2);
    expect([seenBy('hr1', 'kill-after'), seenBy('hr2', 'kill-after')]).toEqual([1, 1]);
  }, 45_000);

  it('with the production settings, a killed instance\'s card is retried within about a minute (not after the 5 min expiry), still seen once', async () => {
    await runChildUntil('after-send-production', 'kill-prod', 'ACCEPTED');
    // A second instance as it runs in production: default pg-boss intervals and retry policy.
    const boss = await openOutboxBoss({ databaseUrl: t.url, log: createLogger('silent'), max: 2 });
    const workers = await deliverFromThisProcess(boss);
    try {
      await waitFor('sent', async () => (await t.db.outboxMessage.findUnique({ where: { dedupeKey: 'card:kill-prod' } }))?.status === 'SENT', 90_000);
    } finally {
      await workers.stop();
      await boss.stop({ graceful: false });
    }
    expect([seenBy('hr1', 'kill-prod'), seenBy('hr2', 'kill-prod')]).toEqual([1, 1]);
  }, 120_000);
});
