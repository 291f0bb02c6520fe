// Two app processes on one PostgreSQL, as on two machines: each its own DATA_DIR, keys from the
// environment and the database, both with the scheduler on, against the WeCom fake. Hires come
// in through the CLI import. The first day is driven with `job run --as-of --once` from both
// instances' environments at the same moment, as two hosts' cron would; the following days run
// the daily jobs from two job runners on two connection pools at once (a CLI process per job and
// day would take minutes on a loaded machine). Both app processes deliver. Every card must reach
// WeCom exactly once, each job run once per day, and WeCom's per-member limit (30/min) hold
// across both instances: 32 cards to each HR member within a minute, none dropped by the fake.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/dates.ts';
import { findJob } from '../../src/jobs/registry.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { parseRecipients } from '../../src/services/cards/card-instance-json.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { wecomEnv } from '../platforms/platform-kit.ts';
import { runProcess, startServer, type RunningServer } from './server-process.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
// Not a first start: no demo company, only the people imported below.
await t.db.appMeta.create({ data: { key: 'server.firstStartedAt', value: new Date().toISOString() } });

const dirs = [0, 1].map(() => {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-instance-'));
  chmodSync(dir, 0o755);
  return dir;
});
const shared = {
  ...wecomEnv(fake),
  DATABASE_URL: t.url,
  ADMIN_TOKEN: 'two-instances-admin-token-0123456789',
  SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
  SCHEDULER: 'on',
  PUBLIC_BASE_URL: 'https://hr.example.com',
  LOG_LEVEL: 'warn',
};
const envs = dirs.map((DATA_DIR) => ({ ...shared, DATA_DIR }));
let servers: RunningServer[] = [];

/** 2 HR specialists, an HR manager, 32 hires on 11-20 (day 23 on 12-14) and 3 on 11-14, none enrolled. */
function rosterCsv(): string {
  const rows = ['工号,姓名,入职日期,部门,企业微信UserID,角色,社保增员日期'];
  rows.push('H001,人事甲,2020-01-06,人力资源部,hr-a,人事专员,2020-01-06');
  rows.push('H002,人事乙,2020-01-06,人力资源部,hr-b,人事专员,2020-01-06');
  rows.push('H003,经理丁,2020-01-06,人力资源部,hr-m,人事经理,2020-01-06');
  const hires = [...Array(32).fill('2026-11-20'), ...Array(3).fill('2026-11-14')] as string[];
  hires.forEach((day, i) => rows.push(`N${100 + i},新员工${i},${day},生产部,new-${i},员工,`));
  return `${rows.join('\n')}\n`;
}

/** Two job runners with their own pools, as the schedulers of two instances. */
const runners: ServiceDeps[] = [t.db, createDb(t.url, 3)].map((db) => ({ ...t.deps, db, chatPlatforms: ['wecom'], publicBaseUrl: shared.PUBLIC_BASE_URL }));
const DAILY_JOBS = ['enrolment-deadline-sweep', 'exit-task-reminders', 'exception-reverification', 'approval-sla'].map((n) => findJob(n));
const log = createLogger('silent');

const cli = (env: Record<string, string>, ...args: string[]) => runProcess(['src/cli/main.ts', ...args], env);

beforeAll(async () => {
  // Started together, as after a deploy: neither may crash on the other's keys or migrations.
  servers = await Promise.all(envs.map((env) => startServer(env, 150_000)));
  const csv = join(dirs[0]!, 'roster.csv');
  writeFileSync(csv, rosterCsv());
  const imported = await cli(envs[0]!, 'import', 'employees', csv);
  expect(imported.code, imported.output).toBe(0);
}, 240_000);

afterAll(async () => {
  await runners[1]!.db.$disconnect();
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop('SIGTERM')));
  await fake.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one database through simulated days', { timeout: 240_000 }, () => {
  const days = Array.from({ length: 4 }, (_, i) => addDays('2026-12-13', i));

  it('runs each day once across both instances and delivers every card exactly once within the member limit', async () => {
    const [first, ...rest] = days as [string, ...string[]];
    const runs = await Promise.all(envs.map((env) => cli(env, 'job', 'run', 'enrolment-deadline-sweep', '--as-of', first, '--once')));
    for (const r of runs) expect(r.code, r.output).toBe(0);
    const ran = runs.filter((r) => r.output.includes(`enrolment-deadline-sweep as of ${first}: checked`));
    const skipped = runs.filter((r) => r.output.includes(`enrolment-deadline-sweep as of ${first}: skipped`));
    expect([ran.length, skipped.length], runs.map((r) => r.output).join('\n')).toEqual([1, 1]);
    for (const day of rest) {
      const ticks = await Promise.all(
        DAILY_JOBS.flatMap((job) => runners.map((deps) => runJob(deps, job, { asOf: day, trigger: 'schedule', slot: `once:${day}`, log }))),
      );
      expect(ticks.filter((s) => s !== undefined)).toHaveLength(DAILY_JOBS.length);
    }
    const jobRuns = await t.db.jobRun.findMany({ where: { name: { in: DAILY_JOBS.map((j) => j.name) } } });
    expect(jobRuns.filter((r) => r.name === 'enrolment-deadline-sweep').map((r) => r.slot).sort()).toEqual(days.map((d) => `once:${d}`));
    expect(jobRuns).toHaveLength(1 + rest.length * DAILY_JOBS.length);
    expect(jobRuns.every((r) => r.finishedAt !== null)).toBe(true);

    // What the database says was queued for WeCom: one delivery per card and recipient.
    const cards = await t.db.cardInstance.findMany({ where: { platform: 'wecom' } });
    const expected = cards.flatMap((c) => parseRecipients(c.recipients).map((r) => `${r.userId} ${c.cardKey}`)).sort();
    expect(expected.filter((k) => k.startsWith('hr-a ')).length).toBeGreaterThan(30);
    const received = () => fake.delivered.filter((d) => d.msgtype === 'template_card').map((d) => `${d.userId} ${d.taskId}`);
    // Over 30 cards to one member wait for the next minute: give the outbox two of them.
    const pending = () => t.db.outboxMessage.groupBy({ by: ['status', 'kind', 'lastError'], _count: true });
    await waitFor('every card at WeCom', async () => received().length >= expected.length || undefined, 200_000).catch(async (e: unknown) => {
      throw new Error(`${String(e)}: ${received().length} of ${expected.length} received, ${fake.dropped.length} dropped; outbox: ${JSON.stringify(await pending())}`);
    });
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would land now
    expect(received().sort()).toEqual(expected);
    expect(fake.dropped).toEqual([]);
    expect(await t.db.memberRateLimit.count({ where: { key: 'wecom:hr-a' } })).toBe(1);
  });

  it('leaves both instances serving the same data', async () => {
    const totals = await Promise.all(
      servers.map(async (s) => {
        const res = await fetch(`${s.baseUrl}/api/v1/employees?pageSize=1`, { headers: { Authorization: `Bearer ${shared.ADMIN_TOKEN}` } });
        return ((await res.json()) as { total: number }).total;
      }),
    );
    expect(totals).toEqual([38, 38]);
  });
});
