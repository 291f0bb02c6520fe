// A job run's JobRun slot on a real PostgreSQL: a run that is alive keeps it however long it
// takes; a run that failed gives it up at once; a run whose process was SIGKILLed mid-way loses
// it once its heartbeat stops, so the day's rerun (`job run --once`, a second host's cron)
// finishes the work instead of skipping it as done.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { JobDefinition } from '../../src/jobs/job-definition.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const log = createLogger('silent');
/** A short heartbeat, so a dead run is noticed within a second. */
const liveness = { heartbeatMs: 100, staleAfterMs: 1000 };
const job = (name: string, run: JobDefinition['run']): JobDefinition => ({ name, description: '', cron: '0 0 1 1 *', run });
const once = (j: JobDefinition, slot = 'once:2026-12-07') => runJob(t.deps, j, { asOf: '2026-12-07', trigger: 'cli', slot, liveness, log });
const slotsOf = (name: string) => t.db.jobRun.findMany({ where: { name }, select: { slot: true, summary: true, finishedAt: true, heartbeatAt: true } });

describe('a job run slot', { timeout: 60_000 }, () => {
  it('stays with a run that is alive for longer than a stale heartbeat, and is not taken over', async () => {
    let release!: (s: string) => void;
    const first = once(job('slot-alive', () => new Promise<string>((ok) => (release = ok))));
    await expect.poll(async () => (await slotsOf('slot-alive')).length).toBe(1);
    const beats = new Set<number>();
    for (let i = 0; i < 4; i++) {
      await sleep(600); // 2.4 s in all: more than twice the stale limit
      beats.add((await slotsOf('slot-alive'))[0]!.heartbeatAt!.getTime());
      expect(await once(job('slot-alive', async () => 'a second run'))).toBeUndefined();
    }
    expect(beats.size).toBe(4); // renewed all along
    release('done');
    expect(await first).toBe('done');
    expect((await slotsOf('slot-alive')).map((r) => r.summary)).toEqual(['done']);
    expect(await once(job('slot-alive', async () => 'after it finished'))).toBeUndefined();
  });

  it('is given up by a run that failed, so the rerun runs at once in the same slot', async () => {
    await expect(once(job('slot-failed', async () => { throw new Error('database blip'); }))).rejects.toThrow('database blip');
    expect((await slotsOf('slot-failed')).map((r) => [r.finishedAt, r.heartbeatAt])).toEqual([[null, null]]);
    expect(await once(job('slot-failed', async () => 'caught up'))).toBe('caught up');
    expect((await slotsOf('slot-failed')).map((r) => r.summary)).toEqual(['caught up']);
    expect(await t.db.auditEvent.count({ where: { type: 'job.ran', data: { path: ['name'], equals: 'slot-failed' } } })).toBe(1);
  });

  it('is taken over once the heartbeat of a run whose process was SIGKILLed stops, and the work is done once', async () => {
    const name = 'slot-killed';
    const child = spawn(process.execPath, ['test/jobs/run-job-kill-child.ts', JSON.stringify({ databaseUrl: t.url, name, slot: 'once:2026-12-07' })], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await expect.poll(() => out, { timeout: 30_000, interval: 50 }).toContain('RUNNING');
    let runs = 0;
    const rerun = job(name, async () => `finished by the rerun ${++runs}`);
    // While the killed-to-be process lives, a second host skips the day.
    await sleep(1500);
    expect(await once(rerun)).toBeUndefined();
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    expect(await once(rerun)).toBeUndefined(); // its last heartbeat is still fresh
    await sleep(liveness.staleAfterMs + 200);
    const [a, b] = await Promise.all([once(rerun), once(rerun)]);
    expect([a, b].filter(Boolean)).toEqual(['finished by the rerun 1']);
    expect(runs).toBe(1);
    expect((await slotsOf(name)).map((r) => r.summary)).toEqual(['finished by the rerun 1']);
  });
});
