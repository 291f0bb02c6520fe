// A WeCom deployment against the loopback fakes: the WeCom API fake, real clients, the real
// listeners behind the real /callbacks/wecom receiver, and a helper to post a signed click.
import { afterAll } from 'vitest';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { wecomHttpReceiver } from '../../src/receivers/wecom-http-receiver.ts';
import { startFakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { createTestApp } from '../helpers/test-app.ts';
import type { TestDb } from '../helpers/test-db.ts';
import { startWorkers } from '../outbox/outbox-kit.ts';
import { wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';
import { cardClickXml, wecomCrypto, wecomPost } from '../receivers/helpers/signed-callbacks.ts';

export async function wecomDeployment(t: TestDb) {
  const fake = await startFakeWecomServer();
  afterAll(() => fake.close());
  const envVars = { ...wecomEnv(fake), PUBLIC_BASE_URL: 'https://hr.example.com', CALLBACK_MAX_AGE_S: '300' };
  const env = parseEnv(envVars);
  const clients = { wecom: wecomClientFor(fake, t) };
  const deps = { ...t.deps, chatPlatforms: ['wecom' as const], platformClients: clients, publicBaseUrl: env.PUBLIC_BASE_URL };
  const log = createLogger('silent');
  const router = createBotRouter(deps, listeners, log);
  const { app, request } = createTestApp({ ...t, deps }, envVars, { routers: [wecomHttpReceiver({ config: env, router, log })] });
  const crypto = wecomCrypto(fake.corpId);
  return {
    fake, env, deps, log, request,
    /** The Koa app itself, for tests that need a real listening server (browser tests). */
    app,
    startWorkers: () => startWorkers(t, createChatPlatforms(env, { db: t.db, clients })),
    /** POSTs a signed template_card_event click, as WeCom would. */
    click(o: { from: string; taskId: string; eventKey: string; responseCode: string }) {
      const now = new Date();
      const xml = cardClickXml({ ...o, createTime: Math.floor(now.getTime() / 1000) });
      const req = wecomPost(crypto, crypto.encrypt(xml), now);
      return { send: () => request.post(req.path).set('Content-Type', 'text/xml').send(req.body) };
    },
  };
}
