// Two app processes on one PostgreSQL, as on two machines: each its own DATA_DIR, keys from the
// environment and the database, both with the scheduler on, against the WeCom fake, through a
// simulated month (November 2026, then the monthly report on 12-01). The month is in the past so
// the API's "not in the future" checks and the attendance pull (never past now) accept its days.
// Hires come in through the CLI import and POST /employees; enrolments, absence answers, the
// return-to-work notice, a mutual exit and a pension transfer through the HTTP API of either
// instance in turn; the HR manager's approval and the line manager's answers to the absence
// cards as WeCom card clicks posted to both instances at once; clock-ins through WeCom 打卡 (the fake), pulled by attendance-sync. The first
// day is driven with `job run --as-of --once` from both instances' environments at the same
// moment, as two hosts' cron would; the following days run every daily job from two job runners
// on two connection pools at once (a CLI process per job and day would take minutes on a loaded
// machine). Both app processes deliver. Every outbox message must reach each recipient exactly
// once, each job run once per day, and WeCom's per-member limit (30/min) hold across both
// instances: over 30 day-23 cards to each HR member within a minute, none dropped by the fake.
// On two days one instance is killed while it delivers and restarted: still exactly once.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { findJob } from '../../src/jobs/registry.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createSession } from '../../src/services/sessions/create-session.ts';
import { parseRecipients } from '../../src/services/cards/card-instance-json.ts';
import { parseOutboundPayload, parseOutboxRecipients } from '../../src/outbox/outbox-message-json.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { startTestS3Server } from '../helpers/s3-server.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';
import { monthPlan, MONTH_DAYS, REPORT_DAY, rosterCsv, type CardClick } from './two-instances-month-plan.ts';
import { instanceDataDirs, runProcess, startServer, type RunningServer } from './server-process.ts';
import { cardClickXml, wecomCrypto, wecomPost } from '../receivers/helpers/signed-callbacks.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
// Separate machines share nothing but the database and the object store: a notice PDF stored
// through one instance is uploaded to WeCom by whichever instance's worker picks its message up.
const s3 = await startTestS3Server();
// Not a first start: no demo company, only the people imported below.
await t.db.appMeta.create({ data: { key: 'server.firstStartedAt', value: new Date().toISOString() } });

const dirs = instanceDataDirs(2);
const shared = {
  ...wecomEnv(fake),
  ...s3.env,
  DATABASE_URL: t.url,
  ADMIN_TOKEN: 'two-instances-admin-token-0123456789',
  SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
  SCHEDULER: 'on',
  PUBLIC_BASE_URL: 'https://hr.example.com',
  LOG_LEVEL: 'warn',
};
const envs = dirs.map((DATA_DIR) => ({ ...shared, DATA_DIR }));
let servers: RunningServer[] = [];

/** Two job runners with their own pools, as the schedulers of two instances. */
// Each with its own WeCom API client: attendance-sync pulls 打卡 through it.
const runners: ServiceDeps[] = [t.db, createDb(t.url, 3)].map((db) => ({
  ...t.deps, db, chatPlatforms: ['wecom'], platformClients: { wecom: wecomClientFor(fake, { ...t, db }) }, files: s3.store(), publicBaseUrl: shared.PUBLIC_BASE_URL,
}));
// The clock-ins of a day are pulled before absences are looked for; the rest run side by side.
const SYNC = findJob('attendance-sync');
const DAILY = ['absence-detection', 'enrolment-deadline-sweep', 'exit-task-reminders', 'exception-reverification', 'approval-sla', 'question-sla', 'transfer-reminders', 'contribution-reconciliation'].map((n) => findJob(n));
const REPORT = findJob('monthly-report');
const log = createLogger('silent');

const cli = (env: Record<string, string>, ...args: string[]) => runProcess(['src/cli/main.ts', ...args], env);

// Two days on which an instance is SIGKILLed right after the day's jobs queued their messages
// (instance 0 in the first half of the month, instance 1 in the second), then restarted.
// MONTH_KILL_SEED=<n> repeats a run's choice; it is printed either way.
const KILL_SEED = Number(process.env.MONTH_KILL_SEED ?? Math.floor(Math.random() * 1_000_000));
const KILLS = new Map([[MONTH_DAYS[2 + (KILL_SEED % 12)]!, 0], [MONTH_DAYS[16 + (Math.floor(KILL_SEED / 12) % 12)]!, 1]]);
process.stdout.write(`two-instances month: MONTH_KILL_SEED=${KILL_SEED} kills instance 0 on ${[...KILLS.keys()][0]} and instance 1 on ${[...KILLS.keys()][1]}\n`);

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
/**
 * A card click as WeCom posts it, to both instances at the same moment (a retry behind a load
 * balancer lands on the other one): each must answer 200, and the click must be taken once.
 */
const callbackCrypto = wecomCrypto(fake.corpId);
const click: CardClick = async (o) => {
  const now = new Date();
  const req = wecomPost(callbackCrypto, callbackCrypto.encrypt(cardClickXml({ ...o, createTime: Math.floor(now.getTime() / 1000) })), now);
  const answers = await Promise.all(servers.map((s) => fetch(`${s.baseUrl}${req.path}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: req.body })));
  expect(answers.map((a) => a.status)).toEqual([200, 200]);
};
/** A signed-in employee's bearer token; sessions live in the database, so either instance takes it. */
const sessionOf = async (employeeId: string) => (await createSession(t.deps, { employeeId, platform: 'wecom', method: 'test' })).token;

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

describe('two instances on one database through a simulated month', { timeout: 420_000 }, () => {
  it('runs each job once a day across both instances and delivers every message exactly once within the member limit', async () => {
    const plan = await monthPlan({ db: t.db, api, click, fake, sessionOf });
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
      await plan.before(day);
      await tick(day, [SYNC]);
      await tick(day, day === REPORT_DAY ? [...DAILY, REPORT] : DAILY);
      // While both instances deliver the day's messages, one dies and comes back.
      const victim = KILLS.get(day);
      if (victim !== undefined) {
        const pending = await t.db.outboxMessage.count({ where: { status: 'PENDING' } });
        expect(await servers[victim]!.stop('SIGKILL')).toBeNull();
        process.stdout.write(`two-instances month: killed instance ${victim} on ${day} with ${pending} message(s) pending\n`);
        servers[victim] = await startServer(envs[victim]!, 150_000);
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

    // Everything queued is delivered: nothing pending, nothing dead.
    const statuses = () => t.db.outboxMessage.groupBy({ by: ['status', 'kind', 'lastError'], _count: true });
    await waitFor('the outbox to drain', async () => ((await t.db.outboxMessage.count({ where: { status: 'PENDING' } })) === 0 ? true : undefined), 240_000).catch(async (e: unknown) => {
      throw new Error(`${String(e)}; outbox: ${JSON.stringify(await statuses())}; ${fake.dropped.length} dropped`);
    });
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would land now
    expect(await t.db.outboxMessage.count({ where: { status: { not: 'SENT' } } }), JSON.stringify(await statuses())).toBe(0);
    expect(fake.dropped).toEqual([]);

    // Cards: what the database says was queued, one delivery per card and recipient, per card type.
    const cards = await t.db.cardInstance.findMany({ where: { platform: 'wecom' } });
    const typeOf = new Map(cards.map((c) => [c.cardKey, c.type]));
    const expected = cards.flatMap((c) => parseRecipients(c.recipients).map((r) => `${c.type} ${r.userId} ${c.cardKey}`)).sort();
    const received = fake.delivered.filter((d) => d.msgtype === 'template_card').map((d) => `${typeOf.get(d.taskId ?? '') ?? 'unknown'} ${d.userId} ${d.taskId}`).sort();
    expect(received).toEqual(expected);
    const perType = (keys: string[]) => keys.reduce<Record<string, number>>((m, k) => ({ ...m, [k.split(' ')[0]!]: (m[k.split(' ')[0]!] ?? 0) + 1 }), {});
    expect(perType(received)).toEqual(perType(expected));
    // Every outbox message: each recipient got it once (cards by task id above; texts and files here).
    const rows = await t.db.outboxMessage.findMany();
    const queued = rows.flatMap((m) => {
      const kind = parseOutboundPayload(m.payload).kind;
      return kind === 'card_update' ? [] : parseOutboxRecipients(m.recipients).map((u) => `${kind === 'card' ? 'template_card' : kind} ${u}`);
    });
    expect(fake.delivered.map((d) => `${d.msgtype} ${d.userId}`).sort()).toEqual(queued.sort());
    await plan.check(cards);
    expect(expected.filter((k) => k.includes(' hr-a ')).length).toBeGreaterThan(30);
    expect(await t.db.memberRateLimit.count({ where: { key: 'wecom:hr-a' } })).toBe(1);
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
