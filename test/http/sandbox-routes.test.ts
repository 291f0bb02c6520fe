// The sandbox chat's API through the real Koa stack and router: what it lists, and that a
// typed message or a card click reaches the listeners exactly as a platform callback would.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import type { CardModel } from '../../cards/card-model.ts';
import { createApp } from '../../src/app.ts';
import { ONBOARDING_ARRIVED } from '../../cards/action-ids.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { createSandboxReceiver } from '../../src/receivers/sandbox-receiver.ts';
import type { Listener, ListenerContext } from '../../src/bot/listener.ts';
import { parseEnv } from '../../src/config.ts';
import { dayIn } from '../../src/domain/dates.ts';
import { AppError } from '../../src/errors.ts';
import { sandboxPageRouter } from '../../src/http/sandbox-page.ts';
import { listeners as realListeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import type { OutboundMessage } from '../../src/outbox/outbox.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const t = await createTestDb();
const log = createLogger('silent');

// The outbox is recorded, then delivered by hand through the real sandbox platform: these
// tests are about the sandbox routes, not pg-boss.
const enqueued: OutboundMessage[] = [];
const deps: ServiceDeps = { ...t.deps, outbox: { enqueue: async (_tx, message) => void enqueued.push(message), enqueueMany: async (_tx, messages) => void enqueued.push(...messages) } };
const sandbox = createSandboxChatPlatform(t.db);

const seen: ListenerContext[] = [];
const listeners: Listener[] = [
  { route: 'message.text', handle: async (ctx) => (seen.push(ctx), ctx.event.kind === 'message.text' ? { text: `收到：${ctx.event.text}` } : undefined) },
  { route: 'card.action', actionId: 'test.approve', handle: async (ctx) => void seen.push(ctx) },
  { route: 'card.action', actionId: 'test.refuse', handle: async () => { throw new AppError('forbidden', '只有人事可以处理这张卡片'); } },
];

/** Delivers what the services queued, as the outbox workers would. */
async function deliverQueued(): Promise<void> {
  for (const { payload, recipients, dedupeKey } of enqueued.splice(0)) {
    if (payload.kind === 'text') await sandbox.sendText(recipients, payload.text, dedupeKey);
    else if (payload.kind === 'card') await sandbox.sendCard(recipients, payload.card);
    else if (payload.kind === 'card_update') await sandbox.updateCard(recipients, payload.card, {});
    else if (payload.kind === 'group') await sandbox.sendToGroup(payload.chatId, payload.card, dedupeKey);
    else await sandbox.sendFile(recipients, { ...payload, mediaId: payload.sha256 }, dedupeKey);
  }
}

function appWith(envOverrides: Record<string, string> = {}, routeTo = listeners) {
  const app = createApp({
    services: deps, env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data', ...envOverrides }), adminToken: 'test-admin-token-0123456789abcdef', log,
    manifest: loadManifest(`${root}/app.json`), h5Dir: `${root}/dist/h5`, readiness: async () => ({ ready: true, database: 'ok', pendingMigrations: [] }),
    sandboxReceiver: createSandboxReceiver({ router: createBotRouter(deps, routeTo, log), log, now: deps.now }),
  });
  return supertest(app.callback());
}
const request = appWith();

const card = (key: string): CardModel => ({
  type: 'test.card', key, title: '测试卡片', rows: [{ label: '姓名', value: '王小明' }], legalBasis: '依据《社会保险法》第五十八条',
  buttons: [
    { kind: 'action', actionId: 'test.approve', text: '同意', style: 'primary' },
    { kind: 'action', actionId: 'test.refuse', text: '拒绝', style: 'danger' },
  ],
});

const hr = await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', department: '人力资源部', identities: { sandbox: 'hr-lin' } });
await makeEmployee(t.deps, { name: '陈一鸣', identities: { sandbox: 'eng-chen' } });
await makeEmployee(t.deps, { name: '无身份' });
await sandbox.sendText(['hr-lin'], '早上好，今天有 1 位新员工入职', 'greeting');
await sandbox.sendCard(['hr-lin'], card('card-1'));
await sandbox.sendCard(['eng-chen'], card('card-chen'));

const uuid = () => crypto.randomUUID();
const counts = async () => ({ deliveries: await t.db.inboundDelivery.count(), messages: await t.db.sandboxMessage.count() });

describe('sandbox chat API', () => {
  it('lists the demo users with their sandbox user id and how many messages they received', async () => {
    const res = await request.get('/api/v1/sandbox/users');
    expect(res.status).toBe(200);
    const users = res.body.users as { name: string; userId: string; received: number; roles: string[] }[];
    expect(users.map((u) => u.name).sort()).toEqual(['林晓雯', '陈一鸣']);
    expect(users.find((u) => u.userId === 'hr-lin')).toMatchObject({ employeeId: hr.employee.id, received: 2, roles: ['HR_SPECIALIST'] });
  });

  it("shows one user's chat oldest first, with cards as their CardModel, and only newer rows after a cursor", async () => {
    const res = await request.get('/api/v1/sandbox/messages').query({ userId: 'hr-lin' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ userId: 'hr-lin', name: '林晓雯' });
    expect(res.body.messages.map((m: { kind: string }) => m.kind)).toEqual(['text', 'card']);
    expect(res.body.messages[1]).toMatchObject({ direction: 'out', cardKey: 'card-1', card: card('card-1') });
    const after = await request.get('/api/v1/sandbox/messages').query({ userId: 'hr-lin', after: res.body.messages[1].createdAt });
    expect(after.body.messages).toEqual([]);
  });

  it('routes typed text to the message.text listener once even when posted twice, and queues its reply once', async () => {
    const before = seen.length;
    const body = { userId: 'eng-chen', text: '  你好  ', clientMessageId: uuid() };
    const first = await request.post('/api/v1/sandbox/messages').send(body);
    const second = await request.post('/api/v1/sandbox/messages').send(body);
    expect(first.body).toEqual({ status: 'handled', reply: '收到：你好' });
    expect(second.body).toEqual({ status: 'duplicate' });
    expect(seen.slice(before).map((c) => c.event)).toMatchObject([{ kind: 'message.text', platform: 'sandbox', operatorUserId: 'eng-chen', text: '你好' }]);
    expect(await t.db.sandboxMessage.count({ where: { userId: 'eng-chen', direction: 'in' } })).toBe(1);
    const replies = enqueued.filter((m) => m.payload.kind === 'text');
    expect(replies).toEqual([{ dedupeKey: `reply:sandbox:msg:${body.clientMessageId}`, platform: 'sandbox', recipients: ['eng-chen'], payload: { kind: 'text', text: '收到：你好' } }]);
  });

  it('routes a card click to the card.action listener of that button, with the clicker resolved', async () => {
    const before = seen.length;
    const res = await request.post('/api/v1/sandbox/card-actions').send({ userId: 'hr-lin', cardKey: 'card-1', actionId: 'test.approve', clientActionId: uuid() });
    expect(res.body).toEqual({ status: 'handled' });
    const [ctx] = seen.slice(before);
    expect(ctx?.event).toMatchObject({ kind: 'card.action', cardKey: 'card-1', actionId: 'test.approve', operatorUserId: 'hr-lin' });
    expect(ctx?.actor).toMatchObject({ id: hr.employee.id, name: '林晓雯' });
  });

  it("answers a listener's refusal with its message instead of an HTTP error", async () => {
    const res = await request.post('/api/v1/sandbox/card-actions').send({ userId: 'hr-lin', cardKey: 'card-1', actionId: 'test.refuse', clientActionId: uuid() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'failed', message: '只有人事可以处理这张卡片' });
  });

  it('refuses an unknown user, a card from another chat, a button the card lacks and a bad body, recording nothing', async () => {
    const before = await counts();
    const cases = [
      [{ userId: 'nobody', text: '你好', clientMessageId: uuid() }, '/messages', 404],
      [{ userId: 'nobody', cardKey: 'card-1', actionId: 'test.approve', clientActionId: uuid() }, '/card-actions', 404],
      [{ userId: 'eng-chen', cardKey: 'card-1', actionId: 'test.approve', clientActionId: uuid() }, '/card-actions', 404],
      [{ userId: 'hr-lin', cardKey: 'card-1', actionId: 'test.other', clientActionId: uuid() }, '/card-actions', 400],
      [{ userId: 'hr-lin', text: '你好', clientMessageId: 'not-a-uuid' }, '/messages', 400],
    ] as const;
    for (const [body, path, status] of cases) {
      const res = await request.post(`/api/v1/sandbox${path}`).send(body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(status);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect((await request.get('/api/v1/sandbox/messages').query({ userId: 'nobody' })).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('is closed with a 403 once a chat platform is configured', async () => {
    const closed = appWith({ DINGTALK_CLIENT_ID: 'ding-test', DINGTALK_CLIENT_SECRET: 'secret-test' });
    const before = await counts();
    const responses = [
      await closed.get('/api/v1/sandbox/users'),
      await closed.get('/api/v1/sandbox/messages').query({ userId: 'hr-lin' }),
      await closed.post('/api/v1/sandbox/messages').send({ userId: 'hr-lin', text: '你好', clientMessageId: uuid() }),
      await closed.post('/api/v1/sandbox/card-actions').send({ userId: 'hr-lin', cardKey: 'card-1', actionId: 'test.approve', clientActionId: uuid() }),
    ];
    for (const res of responses) expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringContaining('沙箱聊天已关闭') });
    expect(responses.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(await counts()).toEqual(before);
  });
});

describe('sandbox chat with the real listeners', () => {
  it('decides an onboarding card clicked in the sandbox: the card shows the decision and the reply arrives', async () => {
    const hire = await makeEmployee(t.deps, { name: '王小明', status: 'ONBOARDING', startDate: dayIn('Asia/Shanghai', new Date()), department: '研发部' });
    await sendOnboardingConfirmations(deps, { asOf: dayIn('Asia/Shanghai', new Date()), platforms: ['sandbox'], publicBaseUrl: '' });
    await deliverQueued();
    const chat = await request.get('/api/v1/sandbox/messages').query({ userId: 'hr-lin' });
    const card = chat.body.messages.at(-1).card as CardModel;
    expect(card.title).toBe('新员工到岗确认');
    expect(card.decided).toBeUndefined();

    const real = appWith({}, realListeners);
    const click = await real.post('/api/v1/sandbox/card-actions').send({ userId: 'hr-lin', cardKey: card.key, actionId: ONBOARDING_ARRIVED, clientActionId: uuid() });
    expect(click.body).toMatchObject({ status: 'handled', reply: expect.stringContaining('已确认 王小明 到岗') });
    await deliverQueued();

    const after = (await real.get('/api/v1/sandbox/messages').query({ userId: 'hr-lin' })).body.messages as { card?: CardModel; text?: string }[];
    expect(after.find((m) => m.card?.key === card.key)?.card?.decided).toMatchObject({ label: '已确认到岗', byName: '林晓雯' });
    expect(after.at(-1)?.text).toContain('已确认 王小明 到岗');
    expect((await t.db.employee.findUniqueOrThrow({ where: { id: hire.id } })).status).toBe('ACTIVE');
  });
});

describe('GET /sandbox', () => {
  const serve = (h5Dir: string) => supertest(createApp({
    services: deps, env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data' }), adminToken: 'test-admin-token-0123456789abcdef', log,
    manifest: loadManifest(`${root}/app.json`), h5Dir, readiness: async () => ({ ready: true, database: 'ok', pendingMigrations: [] }), routers: [sandboxPageRouter(h5Dir)],
  }).callback());

  it('serves the built chat page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-page-'));
    writeFileSync(join(dir, 'sandbox.html'), '<!doctype html><title>沙箱聊天</title>');
    const res = await serve(dir).get('/sandbox');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('沙箱聊天');
  });

  it('says how to build the page when it is missing', async () => {
    const res = await serve(mkdtempSync(join(tmpdir(), 'sandbox-empty-'))).get('/sandbox');
    expect(res.status).toBe(503);
    expect(res.text).toContain('npm run build:h5');
  });
});
