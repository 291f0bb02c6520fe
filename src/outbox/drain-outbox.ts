import type { Db } from '../db/client.ts';

/**
 * Waits until no message created since `since` is still PENDING, or the timeout passes. Messages
 * held for quiet hours are not waited for (the server delivers them when they become available). The
 * CLI calls it before exiting so what a command queued goes out while its workers still run.
 * Returns how many of those messages are still pending (delivered later by the server or the
 * next command).
 */
export async function drainOutbox(db: Db, opts: { since: Date; timeoutMs?: number; pollMs?: number }): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  for (;;) {
    const pending = await db.outboxMessage.count({ where: { status: 'PENDING', createdAt: { gte: opts.since }, OR: [{ availableAt: null }, { availableAt: { lte: new Date() } }] } });
    if (pending === 0 || Date.now() >= deadline) return pending;
    await new Promise((ok) => setTimeout(ok, opts.pollMs ?? 200));
  }
}
