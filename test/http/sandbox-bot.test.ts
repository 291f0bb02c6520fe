// 「待办」 in the sandbox chat through the real Koa stack, router and listeners: the manager's
// pending approval comes back as a card in the chat, and 同意 clicked there approves it.
import { fileURLToPath } from 'node:url';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { APPROVAL_APPROVE } from '../../cards/action-ids.ts';
import type { CardModel } from '../../cards/card-model.ts';
import { createApp } from '../../src/app.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import type { OutboundMessage } from '../../src/outbox/outbox.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { createSandboxReceiver } from '../../src/receivers/sandbox-receiver.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { makeCompany, registerTestDefinitions, submit } from '../services/approvals-kit.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const t = await createTestDb();
registerTestDefinitions();
const log = createLogger('silent');
const enqueued: OutboundMessage[] = [];
const deps: ServiceDeps = { ...t.deps, outbox: { enqueue: async (_tx, message) => void enqueued.push(message), enqueueMany: async (_tx, messages) => void enqueued.push(...messages) } };
const sandbox = createSandboxChatPlatform(t.db);
const request = supertest(createApp({
  services: deps, env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data' }), adminToken: 'test-admin-token-0123456789abcdef', log,
  manifest: loadManifest(`${root}/app.json`), h5Dir: `${root}/dist/h5`, readiness: async () => ({ ready: true, database: 'ok', pendingMigrations: [] }),
  sandboxReceiver: createSandboxReceiver({ router: createBotRouter(deps, listeners, log), log, now: deps.now }),
}).callback());

/** Delivers what the services queued, as the outbox workers would. */
async function deliverQueued(): Promise<void> {
  for (const { payload, recipients, dedupeKey } of enqueued.splice(0)) {
    if (payload.kind === 'text') await sandbox.sendText(recipients, payload.text, dedupeKey);
    else if (payload.kind === 'card') await sandbox.sendCard(recipients, payload.card);
    else if (payload.kind === 'card_update') await sandbox.updateCard(recipients, payload.card, {});
  }
}
const chat = async (userId: string) => (await request.get('/api/v1/sandbox/messages').query({ userId })).body.messages as { card?: CardModel; text?: string }[];

describe('「待办」 in the sandbox chat', () => {
  it('shows the pending approval as a card and approves it from there', async () => {
    const c = await makeCompany(deps);
    const { approvalId } = await submit(deps, c, 'test-any');
    enqueued.splice(0);
    const typed = await request.post('/api/v1/sandbox/messages').send({ userId: 'hrm-1', text: '待办', clientMessageId: crypto.randomUUID() });
    expect(typed.body).toEqual({ status: 'handled' });
    await deliverQueued();
    const cards = (await chat('hrm-1')).flatMap((m) => (m.card ? [m.card] : []));
    expect(cards.map((x) => x.type)).toEqual(['bot.todo', 'approval.request']);
    const approvalCard = cards[1]!;

    const click = await request.post('/api/v1/sandbox/card-actions').send({ userId: 'hrm-1', cardKey: approvalCard.key, actionId: APPROVAL_APPROVE, clientActionId: crypto.randomUUID() });
    expect(click.body).toMatchObject({ status: 'handled', reply: expect.stringContaining('已同意') });
    await deliverQueued();
    expect((await t.db.approval.findUniqueOrThrow({ where: { id: approvalId } })).status).toBe('APPROVED');
    const after = await chat('hrm-1');
    expect(after.find((m) => m.card?.key === approvalCard.key)?.card?.decided).toMatchObject({ label: '已同意', byName: '王经理' });
  });

  it('refuses a name query from an employee politely, in the chat', async () => {
    await request.post('/api/v1/sandbox/messages').send({ userId: 'out-1', text: '张三', clientMessageId: crypto.randomUUID() });
    await deliverQueued();
    expect((await chat('out-1')).at(-1)?.text).toContain('查询员工情况仅对人事开放');
  });
});
