// `sentinel job run <name> --as-of D --once`: cron on two hosts runs a job once per day, and a
// host that died mid-run leaves the day to the next rerun; without --once every call runs
// (backfills and reruns stay possible).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';
import { inProcessCli } from '../helpers/in-process-cli.ts';

const t = await createTestDb();
const env = { DATABASE_URL: t.url, SCHEDULER: 'off', LOG_LEVEL: 'silent', ADMIN_TOKEN: 'a'.repeat(32), SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64') };
// Two hosts: separate DATA_DIRs, one database.
const hosts = [0, 1].map(() => inProcessCli({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'sentinel-once-')) }));

describe('job run --once', () => {
  it('runs a job once per day across hosts started at the same moment', async () => {
    const runs = await Promise.all(hosts.map((cli) => cli('job', 'run', 'session-cleanup', '--as-of', '2026-12-10', '--once')));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const outs = runs.map((r) => r.out).sort();
    expect(outs[0]).toMatch(/^session-cleanup as of 2026-12-10: removed/);
    // The other host finds the day claimed: still running, or finished by the time it looks.
    expect(outs[1]).toMatch(/^session-cleanup as of 2026-12-10: skipped, (already run|another host is running it) for this day \(--once\)/);
    expect((await hosts[1]!('job', 'run', 'session-cleanup', '--as-of', '2026-12-10', '--once')).out).toBe('session-cleanup as of 2026-12-10: skipped, already run for this day (--once)\n');
    const next = await hosts[1]!('job', 'run', 'session-cleanup', '--as-of', '2026-12-11', '--once');
    expect(next.out).toMatch(/^session-cleanup as of 2026-12-11: removed/);
    expect(await t.db.jobRun.count({ where: { name: 'session-cleanup' } })).toBe(2);
  });

  it('says another host runs the day while its run is alive, and takes the day over once that host died', async () => {
    // What a host killed mid-run leaves behind: the day's slot claimed, unfinished.
    await t.db.$executeRaw`INSERT INTO "JobRun" (id, name, "asOf", trigger, slot, "heartbeatAt") VALUES (gen_random_uuid(), 'session-cleanup', '2026-12-12', 'cli', 'once:2026-12-12', now())`;
    const alive = await hosts[0]!('job', 'run', 'session-cleanup', '--as-of', '2026-12-12', '--once');
    expect(alive.out).toBe('session-cleanup as of 2026-12-12: skipped, another host is running it for this day (--once); if that host died, rerun a minute later to take its run over\n');
    // Its last heartbeat a minute and a half ago: the host is gone.
    await t.db.$executeRaw`UPDATE "JobRun" SET "heartbeatAt" = now() - interval '90 seconds' WHERE slot = 'once:2026-12-12'`;
    const rerun = await hosts[1]!('job', 'run', 'session-cleanup', '--as-of', '2026-12-12', '--once');
    expect(rerun.out).toMatch(/^session-cleanup as of 2026-12-12: removed/);
    const runs = await t.db.jobRun.findMany({ where: { name: 'session-cleanup', slot: 'once:2026-12-12' } });
    expect(runs.map((r) => r.finishedAt !== null)).toEqual([true]);
  });

  it('runs every time without --once', async () => {
    for (const cli of hosts) expect((await cli('job', 'run', 'session-cleanup', '--as-of', '2026-12-10')).out).toMatch(/removed/);
    expect(await t.db.jobRun.count({ where: { name: 'session-cleanup', asOf: new Date('2026-12-10') } })).toBe(3);
  });
});
