// The 社保增员提醒 round trip through the real HTTP stack with the WeCom fake: the day-23 card goes
// out through the outbox, a signed click on 已增员 records the enrolment and updates the card for
// every recipient, and the day-28 sweep then sends nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { ENROLMENT_RECORDED } from '../../cards/action-ids.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { enrolmentDeadlineSweep } from '../../src/jobs/definitions/enrolment-deadline-sweep.ts';
import { runJob } from '../../src/jobs/run-job.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { startWorkers, waitFor } from '../outbox/outbox-kit.ts';
import { wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';
import { cardClickXml, wecomCrypto, wecomPost } from '../receivers/helpers/signed-callbacks.ts';

const t = await createTestDb();
const fake = await startFakeWecomServer();
afterAll(() => fake.close());
const envVars = { ...wecomEnv(fake), PUBLIC_BASE_URL: 'https://hr.example.com', CALLBACK_MAX_AGE_S: '300' };
const env = parseEnv(envVars);
const clients = { wecom: wecomClientFor(fake, t) };
const deps = { ...t.deps, chatPlatforms: ['wecom' as const], platformClients: clients, publicBaseUrl: env.PUBLIC_BASE_URL };
const log = createLogger('silent');
const router = createBotRouter(deps, listeners, log);
const { request } = createTestApp({ ...t, deps }, envVars, { routers: [wecomHttpReceiver({ config: env, router, log })] });
const sweep = (asOf: string) => runJob(deps, enrolmentDeadlineSweep, { asOf, trigger: 'cli', log });
const templateCards = () => fake.delivered.filter((d) => d.msgtype === 'template_card');

describe('WeCom enrolment reminder round trip', () => {
  it('sends the day-23 card, records 已增员 from a signed click, updates the card, and never sends day 28', async () => {
    await makeEmployee(t.deps, { name: '人事甲', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-a' } });
    await makeEmployee(t.deps, { name: '人事乙', roles: ['HR_SPECIALIST'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-b' } });
    await makeEmployee(t.deps, { name: '经理丁', roles: ['HR_MANAGER'], enrolledOn: '2026-01-05', identities: { wecom: 'hr-m' } });
    const hire = await makeEmployee(t.deps, { name: '新人丙', startDate: '2026-11-20' });
    await startWorkers(t, createChatPlatforms(env, { db: t.db, clients }));

    expect(await sweep('2026-12-14')).toContain('new alerts: 1 day-23');
    const cards = await waitFor('the day-23 card at WeCom', async () => (templateCards().length === 2 ? templateCards() : undefined));
    expect(cards.map((d) => d.userId).sort()).toEqual(['hr-a', 'hr-b']);
    const taskId = cards[0]!.taskId!;
    expect(JSON.stringify(cards[0]!.message)).toContain('入职第24天');

    const code = await waitFor('response codes', async () => {
      const card = await t.db.cardInstance.findUnique({ where: { cardKey: taskId } });
      return (card?.responseCodes as Record<string, string> | null)?.['hr-a'];
    });
    const crypto = wecomCrypto(fake.corpId);
    const now = new Date();
    const click = cardClickXml({ from: 'hr-a', createTime: Math.floor(now.getTime() / 1000), taskId, eventKey: ENROLMENT_RECORDED, responseCode: code });
    const req = wecomPost(crypto, crypto.encrypt(click), now);
    const res = await request.post(req.path).set('Content-Type', 'text/xml').send(req.body);
    expect(res.status).toBe(200);

    await waitFor('the enrolment', async () => (await t.db.enrolment.count({ where: { employeeId: hire.id, status: 'ENROLLED' } })) === 5);
    const updates = await waitFor('update_template_card', async () => (fake.cardUpdates.flatMap((u) => u.userIds).length >= 2 ? fake.cardUpdates : undefined));
    expect(updates.flatMap((u) => u.userIds).sort()).toEqual(['hr-a', 'hr-b']);
    expect(JSON.stringify(updates[0]!.card)).toContain('已增员 · 人事甲');

    expect(await sweep('2026-12-18')).toContain('new alerts: 0 day-23, 0 day-28, 0 overdue');
    expect(await sweep('2026-12-22')).toContain('queued 0 card(s)');
    await new Promise((r) => setTimeout(r, 200));
    expect(templateCards()).toHaveLength(2);
    expect(await t.db.alert.count({ where: { employeeId: hire.id } })).toBe(1);
  });
});
