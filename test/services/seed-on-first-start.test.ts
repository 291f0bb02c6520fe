// The demo company on the first server start: seeded once, and a first start killed while it
// seeds (a crash, a deploy) leaves the next start to seed it, instead of marking the first start
// done with no demo company in it (the mark used to be written before the seed).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../../src/services/demo/seed-on-first-start.ts';
import { createTestDb } from '../helpers/test-db.ts';

describe('seeding on the first start', { timeout: 60_000 }, () => {
  it('seeds the demo company once, however often the server starts', async () => {
    const t = await createTestDb();
    const [first, second] = [await seedOnFirstStart(t.deps), await seedOnFirstStart(t.deps)];
    expect([first.seeded, second.seeded]).toEqual([true, false]);
    expect(await t.db.appMeta.count({ where: { key: 'server.firstStartedAt' } })).toBe(1);
  });

  it('seeds on the next start after a first start was SIGKILLed mid-seed, and only once', async () => {
    const t = await createTestDb();
    const child = spawn(process.execPath, ['test/services/first-start-kill-child.ts', t.url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // Killed once its seed transaction has written its first rows, before it commits.
    await expect.poll(async () => (await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL AND state = 'idle in transaction'`)[0]!.n,
    { timeout: 30_000, interval: 5 }).toBe(1);
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect(out).not.toContain('SEEDED');

    const restarted = await seedOnFirstStart(t.deps);
    expect(restarted.seeded, restarted.message).toBe(true);
    expect(await t.db.employee.count()).toBeGreaterThan(0);
    expect((await seedOnFirstStart(t.deps)).seeded).toBe(false);
  });
});
