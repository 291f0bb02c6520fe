// Outbox test helpers: workers on the file's database, a quick retry policy, polling waits.
import { afterAll } from 'vitest';
import type { Tx } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import type { OutboundMessage } from '../../src/outbox/outbox.ts';
import type { OutboxRetryPolicy } from '../../src/outbox/outbox-queues.ts';
import { startOutboxWorkers, type OutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import type { ChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { createDeliveryHooks } from '../../src/services/delivery-hooks.ts';
import type { TestDb } from '../helpers/test-db.ts';

/** Two retries, after ~1–2 s and ~2–4 s; a job stuck active (dead worker) is retried after 5 s. */
export const QUICK_RETRY: OutboxRetryPolicy = { retryLimit: 2, retryDelay: 1, retryDelayMax: 8, expireInSeconds: 5, heartbeatSeconds: 10 };

export async function startWorkers(t: TestDb, platforms: ChatPlatforms): Promise<OutboxWorkers> {
  // As in the server: file messages read from the file store; the domain's delivery hooks run.
  const workers = await startOutboxWorkers({ boss: await t.boss(), db: t.db, platforms, files: t.deps.files, hooks: createDeliveryHooks({ businessTz: t.deps.businessTz }), log: createLogger('silent') });
  afterAll(() => workers.stop());
  return workers;
}

/** Enqueues in its own committed transaction, next to a stand-in domain change. */
export async function enqueueCommitted(t: TestDb, message: OutboundMessage, change?: (tx: Tx) => Promise<unknown>): Promise<void> {
  await t.db.$transaction(async (tx) => {
    await change?.(tx);
    await t.deps.outbox.enqueue(tx, message);
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));
