// Two app processes on one PostgreSQL with DingTalk: both hold a Stream connection to the gateway
// fake and both deliver the outbox to the API fake. Ten October hires are never enrolled, so the
// enrolment sweep of 11-10 … 11-20 sends the day-23 cards to the HR specialists, the day-28
// escalations to the HR manager and the overdue reminders every two workdays. On 11-12 an HR
// specialist clicks 已增员 on one hire's card; the gateway pushes the frame to both connections, as
// DingTalk may redeliver an unacked frame on another one. On a day chosen by MONTH_KILL_SEED,
// DingTalk loses its answers to two card creations and instance 0 is SIGKILLed while they are
// in flight, then restarted. Every interactive card must reach its recipients once
// (one card per outTrackId), every robot message reach each member once (robot sends carry no
// idempotency key: the send journal stands in), the click decide once and update its card once.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_CARD } from 'dingtalk-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { ENROLMENT_DEADLINE_CARD } from '../../cards/enrolment-deadline-card.ts';
import { createDb } from '../../src/db/client.ts';
import { addDays } from '../../src/domain/dates.ts';
import { findJob } from '../../src/jobs/registry.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { createLogger } from '../../src/log.ts';
import { parseOutboundPayload, parseOutboxRecipients } from '../../src/outbox/outbox-message-json.ts';
import { parseRecipients } from '../../src/services/cards/card-instance-json.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeDingtalkStreamGateway } from '../fakes/fake-dingtalk-stream-gateway.ts';
import { createTestDb, TEST_MASTER_KEY } from '../helpers/test-db.ts';
import { waitFor } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';
import { instanceDataDirs, runProcess, startServer, type RunningServer } from './server-process.ts';

const t = await createTestDb();
const api = await startFakeDingtalkApiServer();
const gateway = await startFakeDingtalkStreamGateway({ clientId: api.clientId, clientSecret: api.clientSecret });
// Not a first start: no demo company, only the people imported below.
await t.db.appMeta.create({ data: { key: 'server.firstStartedAt', value: new Date().toISOString() } });

const dirs = instanceDataDirs(2);
const shared = {
  DINGTALK_CLIENT_ID: api.clientId, DINGTALK_CLIENT_SECRET: api.clientSecret, DINGTALK_ROBOT_CODE: api.robotCode,
  DINGTALK_CARD_TEMPLATE_ID: api.cardTemplateId, DINGTALK_API_BASE: api.url, DINGTALK_OAPI_BASE: api.url,
  DINGTALK_STREAM_GATEWAY: gateway.gatewayUrl,
  DATABASE_URL: t.url,
  ADMIN_TOKEN: 'two-instances-dingtalk-admin-token-0123',
  SENTINEL_MASTER_KEY: TEST_MASTER_KEY.toString('base64'),
  PUBLIC_BASE_URL: 'https://hr.example.com',
  LOG_LEVEL: 'warn',
};
const envs = dirs.map((DATA_DIR) => ({ ...shared, DATA_DIR }));
let servers: RunningServer[] = [];

/** Two job runners with their own pools, standing in for two hosts' cron with `--once`. */
const runners: ServiceDeps[] = [t.db, createDb(t.url, 3)].map((db) => ({
  ...t.deps, db, chatPlatforms: ['dingtalk'], platformClients: { dingtalk: dingtalkClientFor(api, { ...t, db }) }, publicBaseUrl: shared.PUBLIC_BASE_URL,
}));
const SWEEP = findJob('enrolment-deadline-sweep');
const CREATE_CARD = '/v1.0/card/instances/createAndDeliver';
const log = createLogger('silent');
const DAYS = Array.from({ length: 11 }, (_, i) => addDays('2026-11-10', i));
const HIRES = Array.from({ length: 10 }, (_, i) => `D${100 + i}`);
const CLICK_DAY = '2026-11-12';
const KILL_SEED = process.env.MONTH_KILL_SEED ? Number(process.env.MONTH_KILL_SEED) : Math.floor(Math.random() * 1_000_000);
/** The first day from this one on whose sweep queues two cards or more is the kill day. */
const KILL_DAY = DAYS[KILL_SEED % 6]!;
process.stdout.write(`two-instances DingTalk: MONTH_KILL_SEED=${KILL_SEED} kills instance 0 on ${KILL_DAY}\n`);

function rosterCsv(): string {
  const rows = ['工号,姓名,入职日期,部门,钉钉UserID,角色,社保增员日期'];
  rows.push('H001,人事甲,2020-01-06,人力资源部,ding-hr-a,人事专员,2020-01-06');
  rows.push('H002,人事乙,2020-01-06,人力资源部,ding-hr-b,人事专员,2020-01-06');
  rows.push('H003,经理丁,2020-01-06,人力资源部,ding-hr-m,人事经理,2020-01-06');
  HIRES.forEach((no, i) => rows.push(`${no},钉钉新人${i},2026-10-20,生产部,ding-${no.toLowerCase()},员工,`));
  return `${rows.join('\n')}\n`;
}

const bothConnected = () => waitFor('a Stream connection from each instance', async () => (gateway.openSockets() === 2 ? true : undefined), 60_000);

beforeAll(async () => {
  servers = await Promise.all(envs.map((env) => startServer(env, 150_000)));
  const csv = join(dirs[0]!, 'roster.csv');
  writeFileSync(csv, rosterCsv());
  const imported = await runProcess(['src/cli/main.ts', 'import', 'employees', csv], envs[0]!);
  expect(imported.code, imported.output).toBe(0);
  await bothConnected();
}, 240_000);

afterAll(async () => {
  await runners[1]!.db.$disconnect();
  await Promise.all(servers.filter((s) => s.child.exitCode === null).map((s) => s.stop('SIGTERM')));
  await gateway.close();
  await api.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('two instances on one database with DingTalk', { timeout: 300_000 }, () => {
  it('creates every card once, sends every robot message once, and takes a click pushed to both connections once', async () => {
    const hire = await t.db.employee.findFirstOrThrow({ where: { employeeNo: HIRES[0] } });
    let armedAt: number | undefined;
    let killed = false;
    for (const day of DAYS) {
      // From the kill day on, DingTalk creates the next two cards but its answers are lost: the
      // instances hold them in flight, not knowing whether they arrived.
      if (day === KILL_DAY) {
        api.failNext(2, 'answer-lost', CREATE_CARD);
        armedAt = api.requestsTo(CREATE_CARD).length;
      }
      const cardsBefore = await t.db.outboxMessage.count({ where: { kind: 'card' } });
      const done = await Promise.all(runners.map((deps) => runJob(deps, SWEEP, { asOf: day, trigger: 'schedule', slot: `once:${day}`, log })));
      expect(done.filter((s) => s !== undefined)).toHaveLength(1);
      const queued = (await t.db.outboxMessage.count({ where: { kind: 'card' } })) - cardsBefore;
      if (armedAt !== undefined && !killed && queued >= 2) {
        killed = true;
        await waitFor('two card creations in flight', async () => (api.requestsTo(CREATE_CARD).length - armedAt! >= 2 ? true : undefined), 30_000);
        const pending = await t.db.outboxMessage.count({ where: { status: 'PENDING' } });
        expect(await servers[0]!.stop('SIGKILL')).toBeNull();
        process.stdout.write(`two-instances DingTalk: killed instance 0 on ${day} with ${pending} message(s) pending, two card creations unanswered\n`);
        servers[0] = await startServer(envs[0]!, 150_000);
        await bothConnected();
      }
      if (day === CLICK_DAY) {
        const card = await t.db.cardInstance.findFirstOrThrow({ where: { type: ENROLMENT_DEADLINE_CARD, subjectType: 'employee', subjectId: hire.id, platform: 'dingtalk' } });
        const delivered = await waitFor('the day-23 card at DingTalk', async () => api.cards.get(card.cardKey), 60_000);
        const click = { type: 'actionCallback', outTrackId: card.cardKey, userId: 'ding-hr-a', corpId: 'ding-corp', content: JSON.stringify({ cardPrivateData: { actionIds: [ENROLMENT_RECORDED], params: {} } }) };
        const pushed = gateway.pushCallback(TOPIC_CARD, click); // to both connections
        await gateway.waitForAck(pushed.messageId, 2, 5000);
        await waitFor('the enrolment recorded from the card', async () => ((await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).enrolledOn ? true : undefined), 30_000);
        // The update goes after the card's own message: if that was one of the creations whose
        // answer was lost, it waits for the retry that learns the outcome (about a minute).
        await waitFor('the card update', async () => (delivered.updates.length > 0 ? true : undefined), 150_000);
      }
    }

    expect(killed, `no day from ${KILL_DAY} on queued two cards`).toBe(true);
    await waitFor('the outbox to drain', async () => ((await t.db.outboxMessage.count({ where: { status: 'PENDING' } })) === 0 ? true : undefined), 180_000);
    await new Promise((r) => setTimeout(r, 1000)); // a late duplicate would land now
    const statuses = await t.db.outboxMessage.groupBy({ by: ['status', 'kind', 'lastError'], _count: true });
    expect(await t.db.outboxMessage.count({ where: { status: { not: 'SENT' } } }), JSON.stringify(statuses)).toBe(0);

    // Each job once a day.
    const runs = await t.db.jobRun.findMany({ where: { name: SWEEP.name, slot: { startsWith: 'once:' } } });
    expect(runs.map((r) => r.slot).sort()).toEqual(DAYS.map((d) => `once:${d}`));
    expect(runs.filter((r) => r.finishedAt === null)).toEqual([]);

    // Interactive cards: one per outTrackId, to the recipients the database names. A creation whose
    // answer was lost, or whose instance died before recording it, is sent again with the same
    // outTrackId, which DingTalk never shows twice.
    const cards = await t.db.cardInstance.findMany({ where: { platform: 'dingtalk' } });
    expect(cards.length).toBeGreaterThan(HIRES.length * 2);
    expect([...api.cards.keys()].sort()).toEqual(cards.map((c) => c.cardKey).sort());
    for (const c of cards) expect([...api.cards.get(c.cardKey)!.userIds].sort(), c.type).toEqual(parseRecipients(c.recipients).map((r) => r.userId).sort());
    // The click: decided once though both connections got it; its card updated once.
    expect(await t.db.auditEvent.count({ where: { type: 'enrolment.recorded', subjectId: hire.id } })).toBe(1);
    const clicked = cards.find((c) => c.subjectId === hire.id && c.type === ENROLMENT_DEADLINE_CARD)!;
    expect(api.cards.get(clicked.cardKey)!.updates).toHaveLength(1);
    expect(await t.db.inboundDelivery.count({ where: { platform: 'dingtalk', route: 'card.action' } })).toBe(1);

    // Robot messages (texts, the click's reply): each member got each one once.
    const rows = await t.db.outboxMessage.findMany();
    const expected = rows.flatMap((m) => {
      const payload = parseOutboundPayload(m.payload);
      return payload.kind === 'text' ? parseOutboxRecipients(m.recipients).map((u) => `${u} ${payload.text}`) : [];
    });
    expect(expected.length).toBeGreaterThan(0);
    const received = api.robotMessages.map((m) => `${m.userId} ${(m.msgParam as { content: string }).content}`);
    expect(received.sort()).toEqual(expected.sort());
  });
});
