// The simulated month of two-instances-month*.test.ts, whatever the platform: two app processes on
// one PostgreSQL, as on two machines (each its own DATA_DIR, keys from the environment and the
// database, the object store shared), both with the scheduler on, through November 2026 and the
// monthly report on 12-01. The month is in the past so the API's "not in the future" checks and the
// attendance pull (never past now) accept its days. What happens on which day is in
// two-instances-month-plan.ts; the platform's fake and what it must have received come in as a
// MonthDeployment.
// The first day is driven with `job run --as-of --once` from both instances' environments at the
// same moment, as two hosts' cron would; the following days run every daily job from two job
// runners on two connection pools at once (a CLI process per job and day would take minutes on a
// loaded machine). Both app processes deliver. Every job must run once per day and every outbox
// message be sent. On two days one instance is killed while it delivers and restarted.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { findJob } from '../../src/jobs/registry.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { startTestS3Server } from '../helpers/s3-server.ts';
import { createTestDb, TEST_MASTER_KEY, type TestDb } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { isWorkday, monthPlan, MONTH_DAYS, REPORT_DAY, rosterCsv, type MonthPlatform } from './two-instances-month-plan.ts';
import { instanceDataDirs, runProcess, startServer, type RunningServer } from './server-process.ts';

/** A chat platform's fake, wired for the month. */
export interface MonthDeployment {
  platform: MonthPlatform;
  /** The platform's part of each instance's environment. */
  env: Record<string, string>;
  /** The job runners' platform clients, on the runner's own connection pool. */
  clients(t: TestDb): ServiceDeps['platformClients'];
  /**
   * The platform acts on the next `n` sends that carry an idempotency key (WeCom: any send, kept
   * once by task_id and the duplicate check; DingTalk: card creations, by outTrackId) but their
   * answers are lost, as when the connection dies after. Returns how many of them have arrived.
   */
  loseAnswers(n: number): () => number;
  /** Waits until a started (or restarted) pair of instances is connected to the platform. */
  ready(): Promise<void>;
  /**
   * A dead message the platform leaves no way to check: a DingTalk robot send that a kill cut off
   * between its journal entry and the answer ("outcome unknown", never resent, shown to HR).
   */
  outcomeUnknown(message: { status: string; lastError: string | null }): boolean;
  /** What the fake received is what the outbox holds: each message to each recipient once. */
  checkDelivered(db: TestDb['db']): Promise<void>;
  close(): Promise<void>;
}

/** The test database, the instances' base URLs (current after a restart) and the admin token, for building the deployment. */
export interface MonthContext {
  t: TestDb;
  baseUrls(): string[];
}

export async function describeMonth(title: string, deploy: (ctx: MonthContext) => Promise<MonthDeployment>): Promise<void> {
  const t = await createTestDb();
  let servers: RunningServer[] = [];
  const deployment = await deploy({ t, baseUrls: () => servers.map((s) => s.baseUrl) });
  const { platform } = deployment;
  // Separate machines share nothing but the database and the object store: a notice PDF stored
  // through one instance is uploaded to the platform by whichever instance's worker picks it up.
  const s3 = await startTestS3Server();
  // Not a first start: no demo company, only the people imported below.
  await t.db.appMeta.create({ data: { key: 'server.firstStartedAt', value: new Date().toISOString() } });

  const dirs = instanceDataDirs(2);
  const shared = {
    ...deployment.env,
    ...s3.env,
    DATABASE_URL: t.url,
    ADMIN_TOKEN: 'two-instances-admin-token-0123456789',
    SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
    SCHEDULER: 'on',
    PUBLIC_BASE_URL: 'https://hr.example.com',
    LOG_LEVEL: 'warn',
  };
  const envs = dirs.map((DATA_DIR) => ({ ...shared, DATA_DIR }));

  /** Two job runners with their own pools and platform clients, as the schedulers of two instances. */
  const runners: ServiceDeps[] = [t.db, createDb(t.url, 3)].map((db) => ({
    ...t.deps, db, chatPlatforms: [platform.name], platformClients: deployment.clients({ ...t, db }), files: s3.store(), publicBaseUrl: shared.PUBLIC_BASE_URL,
  }));
  // The clock-ins of a day are pulled before absences are looked for; the rest run side by side.
  const SYNC = findJob('attendance-sync');
  const DAILY = ['absence-detection', 'enrolment-deadline-sweep', 'exit-task-reminders', 'exception-reverification', 'approval-sla', 'question-sla', 'transfer-reminders', 'contribution-reconciliation'].map((n) => findJob(n));
  const REPORT = findJob('monthly-report');
  const log = createLogger('silent');
  const cli = (env: Record<string, string>, ...args: string[]) => runProcess(['src/cli/main.ts', ...args], env);

  // Two workdays on which an instance is SIGKILLed right after the day's jobs queued their messages
  // (instance 0 in the first half of the month, instance 1 in the second), then restarted. On
  // those days the platform loses its answers to two sends, so that sends are in flight, acted on
  // but unanswered, when the kill comes (on whichever instance holds them).
  // MONTH_KILL_SEED=<n> repeats a run's choice; it is printed either way.
  const KILL_SEED = process.env.MONTH_KILL_SEED ? Number(process.env.MONTH_KILL_SEED) : Math.floor(Math.random() * 1_000_000);
  // Workdays, when the day's jobs queue the most (November 2026 has 21, 11-02 the first).
  const workdays = MONTH_DAYS.filter(isWorkday);
  const KILLS = new Map([[workdays[1 + (KILL_SEED % 9)]!, 0], [workdays[11 + (Math.floor(KILL_SEED / 9) % 10)]!, 1]]);
  const say = (line: string) => process.stdout.write(`two-instances month (${platform.name}): ${line}\n`);
  say(`MONTH_KILL_SEED=${KILL_SEED} kills instance 0 on ${[...KILLS.keys()][0]} and instance 1 on ${[...KILLS.keys()][1]}`);

  /** Calls the instances in turn, as the admin or with a session token (multipart for a FormData body); fails on a non-2xx answer. */
  let turn = 0;
  async function api(method: string, path: string, body?: unknown, token = shared.ADMIN_TOKEN): Promise<Record<string, unknown>> {
    const server = servers[turn++ % servers.length]!;
    const json = body !== undefined && !(body instanceof FormData);
    const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(json ? { 'Content-Type': 'application/json' } : {}) },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} on instance ${turn % 2}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
  /** A signed-in employee's bearer token; sessions live in the database, so either instance takes it. */
  const sessionOf = async (employeeId: string) => (await createSession(t.deps, { employeeId, platform: platform.name, method: 'test' })).token;

  beforeAll(async () => {
    // Started together, as after a deploy: neither may crash on the other's keys or migrations.
    servers = await Promise.all(envs.map((env) => startServer(env, 150_000)));
    const csv = join(dirs[0]!, 'roster.csv');
    writeFileSync(csv, rosterCsv(platform));
    const imported = await cli(envs[0]!, 'import', 'employees', csv);
    expect(imported.code, imported.output).toBe(0);
    await deployment.ready();
  }, 240_000);

  afterAll(async () => {
    await runners[1]!.db.$disconnect();
    await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop('SIGTERM')));
    await deployment.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe(title, { timeout: 420_000 }, () => {
    it('runs each job once a day across both instances and delivers every message exactly once', async () => {
      const plan = await monthPlan({ db: t.db, api, platform, sessionOf });
      const [first, ...rest] = MONTH_DAYS as [string, ...string[]];
      await plan.before(first);
      const runs = await Promise.all(envs.map((env) => cli(env, 'job', 'run', 'enrolment-deadline-sweep', '--as-of', first, '--once')));
      for (const r of runs) expect(r.code, r.output).toBe(0);
      const ran = runs.filter((r) => r.output.includes(`enrolment-deadline-sweep as of ${first}: checked`));
      const skipped = runs.filter((r) => r.output.includes(`enrolment-deadline-sweep as of ${first}: skipped`));
      expect([ran.length, skipped.length], runs.map((r) => r.output).join('\n')).toEqual([1, 1]);
      const tick = async (day: string, jobs: typeof DAILY) => {
        const done = await Promise.all(jobs.flatMap((job) => runners.map((deps) => runJob(deps, job, { asOf: day, trigger: 'schedule', slot: `once:${day}`, log }))));
        expect(done.filter((s) => s !== undefined)).toHaveLength(jobs.length);
      };
      await tick(first, [SYNC]);
      await tick(first, DAILY.filter((j) => j.name !== 'enrolment-deadline-sweep'));
      await plan.after();
      for (const day of [...rest, REPORT_DAY]) {
        const victim = KILLS.get(day);
        const unanswered = victim === undefined ? undefined : deployment.loseAnswers(2);
        await plan.before(day);
        await tick(day, [SYNC]);
        await tick(day, day === REPORT_DAY ? [...DAILY, REPORT] : DAILY);
        // While both instances deliver the day's messages, one dies and comes back.
        if (victim !== undefined && unanswered) {
          const pendingNow = () => t.db.outboxMessage.count({ where: { status: 'PENDING' } });
          // Two sends in flight, or as many as the day has.
          await waitFor('sends in flight', async () => (unanswered() >= Math.min(2, await pendingNow()) ? true : undefined), 60_000);
          const pending = await pendingNow();
          expect(await servers[victim]!.stop('SIGKILL')).toBeNull();
          say(`killed instance ${victim} on ${day} with ${pending} message(s) pending, ${unanswered()} send(s) acted on but unanswered`);
          servers[victim] = await startServer(envs[victim]!, 150_000);
          await deployment.ready();
        }
        await plan.after();
      }

      // Each job once per day, whichever runner claimed it; the servers' own cron ticks use other slots.
      const jobRuns = await t.db.jobRun.findMany({ where: { slot: { startsWith: 'once:' } } });
      const daysOf = (name: string) => jobRuns.filter((r) => r.name === name).map((r) => r.slot).sort();
      const allDays = [...MONTH_DAYS, REPORT_DAY].map((d) => `once:${d}`);
      for (const job of [SYNC, ...DAILY]) expect(daysOf(job.name), job.name).toEqual(allDays);
      expect(daysOf(REPORT.name)).toEqual([`once:${REPORT_DAY}`]);
      expect(jobRuns).toHaveLength(allDays.length * (1 + DAILY.length) + 1);
      expect(jobRuns.filter((r) => r.finishedAt === null)).toEqual([]);

      // Everything queued is delivered: nothing pending, nothing dead but what no one can know.
      const statuses = () => t.db.outboxMessage.groupBy({ by: ['status', 'kind', 'lastError'], _count: true });
      await waitFor('the outbox to drain', async () => ((await t.db.outboxMessage.count({ where: { status: 'PENDING' } })) === 0 ? true : undefined), 240_000).catch(async (e: unknown) => {
        throw new Error(`${String(e)}; outbox: ${JSON.stringify(await statuses())}`);
      });
      await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would land now
      const notSent = await t.db.outboxMessage.findMany({ where: { status: { not: 'SENT' } } });
      expect(notSent.filter((m) => !deployment.outcomeUnknown(m)), JSON.stringify(await statuses())).toEqual([]);
      if (notSent.length > 0) say(`${notSent.length} message(s) cut off mid-send by a kill, dead-lettered as outcome unknown`);
      await deployment.checkDelivered(t.db);
      await plan.check(await t.db.cardInstance.findMany({ where: { platform: platform.name } }));
    });

    it('leaves both instances serving the same data', async () => {
      const totals = await Promise.all(
        servers.map(async (s) => {
          const res = await fetch(`${s.baseUrl}/api/v1/employees?pageSize=1`, { headers: { Authorization: `Bearer ${shared.ADMIN_TOKEN}` } });
          return ((await res.json()) as { total: number }).total;
        }),
      );
      expect(totals[0]).toBe(totals[1]);
    });
  });
}
