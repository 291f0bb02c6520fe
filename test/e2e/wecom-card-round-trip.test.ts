// The WeCom round trip through the real HTTP stack: a card goes out through the outbox to the
// WeCom fake, a signed template_card_event click comes back to /callbacks/wecom, the listener
// decides, and the card is updated for every recipient through update_template_card.
import { afterAll, describe, expect, it } from 'vitest';
import { ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
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

describe('WeCom card round trip', () => {
  it('sends the card, takes the signed click, decides, and updates the card for every recipient', async () => {
    await makeEmployee(t.deps, { name: '人事甲', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-a' } });
    await makeEmployee(t.deps, { name: '人事乙', roles: ['HR_SPECIALIST'], identities: { wecom: 'hr-b' } });
    const hire = await makeEmployee(t.deps, { name: '新人丙', status: 'ONBOARDING', startDate: '2026-11-20' });
    await startWorkers(t, createChatPlatforms(env, { db: t.db, clients }));

    const sent = await sendOnboardingConfirmations(deps, { asOf: '2026-11-22', platforms: ['wecom'], publicBaseUrl: env.PUBLIC_BASE_URL });
    expect(sent.queued).toBe(1);
    const cards = await waitFor('the card at WeCom', async () => (fake.delivered.filter((d) => d.msgtype === 'template_card').length === 2 ? fake.delivered : undefined));
    const taskId = cards[0]!.taskId!;
    expect(cards.map((d) => d.userId).sort()).toEqual(['hr-a', 'hr-b']);
    expect(cards[0]!.message).toMatchObject({ card_type: 'button_interaction', task_id: taskId });

    // WeCom hands the clicker a fresh single-use code; the fake only knows codes it issued, so the
    // click carries hr-a's unused code from the send.
    const codes = await waitFor('response codes', async () => {
      const card = await t.db.cardInstance.findUnique({ where: { cardKey: taskId } });
      return (card?.responseCodes as Record<string, string> | null)?.['hr-a'];
    });
    const clickCode = codes;
    const crypto = wecomCrypto(fake.corpId);
    const now = new Date();
    const click = cardClickXml({ from: 'hr-a', createTime: Math.floor(now.getTime() / 1000), taskId, eventKey: ONBOARDING_ARRIVED, responseCode: clickCode });
    const req = wecomPost(crypto, crypto.encrypt(click), now);
    const res = await request.post(req.path).set('Content-Type', 'text/xml').send(req.body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');

    await waitFor('the employee to become ACTIVE', async () => (await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status === 'ACTIVE');
    const updates = await waitFor('update_template_card', async () => (fake.cardUpdates.flatMap((u) => u.userIds).length >= 2 ? fake.cardUpdates : undefined));
    expect(updates.flatMap((u) => u.userIds).sort()).toEqual(['hr-a', 'hr-b']);
    expect(JSON.stringify(updates[0]!.card)).toContain('已确认到岗');

    const again = await request.post(req.path).set('Content-Type', 'text/xml').send(req.body);
    expect(again.status).toBe(200);
    expect(await t.db.statusChange.count({ where: { employeeId: hire.id } })).toBe(2);
  });
});
