// Scheduled ticks through pg-boss on a real PostgreSQL: two instances' identical ticks run once;
// a run that fails is retried the same day and takes over its slot; a run whose process was
// SIGKILLed is taken over by the other instance once its heartbeat stops.
import { spawn } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JobDefinition } from '../../src/jobs/job-definition.ts';
import { sendTick, startScheduler, type Scheduler } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/log.ts';
import { openOutboxBoss } from '../../src/outbox/open-outbox-boss.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { TEST_SCHEDULED_JOB_POLICY } from './scheduler-kit.ts';

const t = await createTestDb();
const log = createLogger('silent');
// The second instance: its own pg-boss on the same database.
const otherBoss = await openOutboxBoss({ databaseUrl: t.url, log, max: 2, superviseIntervalSeconds: 1 });
const schedulers: Scheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop(1000);
});
afterAll(() => otherBoss.stop({ graceful: false }));
const start = async (jobs: JobDefinition[], boss = otherBoss) => {
  const s = await startScheduler(t.deps, jobs, boss, log, TEST_SCHEDULED_JOB_POLICY);
  schedulers.push(s);
  return s;
};
const NEVER = '0 0 1 1 *';
const runsOf = (name: string) => t.db.jobRun.findMany({ where: { name }, orderBy: { slot: 'asc' } });

describe('scheduled ticks through pg-boss', { timeout: 90_000 }, () => {
  it('runs a tick both instances queued once, on either instance', async () => {
    let runs = 0;
    const job: JobDefinition = { name: 'test-tick-once', description: '', cron: NEVER, run: async () => `run ${++runs}` };
    await start([job], await t.boss());
    await start([job]);
    const fired = new Date('2026-12-07T01:00:00.000Z');
    await Promise.all([sendTick(await t.boss(), job.name, '2026-12-07', fired), sendTick(otherBoss, job.name, '2026-12-07', fired)]);
    await expect.poll(async () => (await runsOf(job.name)).map((r) => r.summary), { timeout: 30_000, interval: 200 }).toEqual(['run 1']);
    // Both queued jobs were taken: the second found the slot claimed and ran nothing.
    await expect.poll(async () => t.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'scheduled-job' AND state = 'completed' AND data->>'name' = $1`, job.name), { timeout: 30_000, interval: 200 }).toEqual([{ n: 2 }]);
    expect(runs).toBe(1);
  });

  it('runs a failed tick again the same day, once, in the slot its first attempt claimed', async () => {
    let attempts = 0;
    const job: JobDefinition = {
      name: 'test-tick-retry', description: '', cron: NEVER,
      run: async () => {
        if (++attempts === 1) throw new Error('database blip');
        return 'caught up';
      },
    };
    await start([job]);
    await sendTick(otherBoss, job.name, '2026-12-07', new Date('2026-12-07T01:30:00.000Z'));
    await expect.poll(async () => (await runsOf(job.name)).map((r) => [r.slot, r.summary, r.finishedAt !== null]), { timeout: 30_000, interval: 200 })
      .toEqual([['2026-12-07@2026-12-07T01:30:00.000Z', 'caught up', true]]);
    expect(attempts).toBe(2);
    expect(await t.db.auditEvent.count({ where: { type: 'job.ran', data: { path: ['name'], equals: job.name } } })).toBe(1);
  });

  it('takes over a tick whose instance was killed mid-run, and runs it once', async () => {
    const name = 'test-tick-killed';
    const fireDate = '2026-12-07T02:00:00.000Z';
    const child = spawn(process.execPath, ['test/jobs/scheduler-kill-child.ts', JSON.stringify({ databaseUrl: t.url, name, asOf: '2026-12-07', fireDate })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await expect.poll(() => out, { timeout: 30_000, interval: 100 }).toContain('RUNNING');
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect((await runsOf(name)).map((r) => r.finishedAt)).toEqual([null]);

    let runs = 0;
    await start([{ name, description: '', cron: NEVER, run: async () => `taken over ${++runs}` }]);
    await expect.poll(async () => (await runsOf(name)).map((r) => r.summary), { timeout: 60_000, interval: 500 }).toEqual(['taken over 1']);
    expect(runs).toBe(1);
  });
});
