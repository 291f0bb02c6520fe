// A DingTalk deployment against the loopback fakes: the API fake, the Stream gateway fake, real
// clients, and the real Stream receiver feeding the real listeners.
import { afterAll } from 'vitest';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { parseEnv } from '../../src/config.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { createChatPlatforms } from '../../src/platforms/create-chat-platforms.ts';
import { startDingtalkStreamReceiver } from '../../src/receivers/dingtalk-stream/receiver.ts';
import { startFakeDingtalkApiServer } from '../fakes/fake-dingtalk-api-server.ts';
import { startFakeDingtalkStreamGateway } from '../fakes/fake-dingtalk-stream-gateway.ts';
import type { TestDb } from '../helpers/test-db.ts';
import { startWorkers } from '../outbox/outbox-kit.ts';
import { dingtalkClientFor } from '../platforms/platform-kit.ts';

export async function dingtalkDeployment(t: TestDb) {
  const api = await startFakeDingtalkApiServer();
  const gateway = await startFakeDingtalkStreamGateway({ clientId: api.clientId, clientSecret: api.clientSecret });
  const env = parseEnv({
    DINGTALK_CLIENT_ID: api.clientId, DINGTALK_CLIENT_SECRET: api.clientSecret, DINGTALK_ROBOT_CODE: api.robotCode,
    DINGTALK_CARD_TEMPLATE_ID: api.cardTemplateId, DINGTALK_API_BASE: api.url, DINGTALK_OAPI_BASE: api.url,
    DINGTALK_STREAM_GATEWAY: gateway.gatewayUrl, PUBLIC_BASE_URL: 'https://hr.example.com',
  });
  const clients = { dingtalk: dingtalkClientFor(api, t) };
  const deps = { ...t.deps, chatPlatforms: ['dingtalk' as const], platformClients: clients, publicBaseUrl: env.PUBLIC_BASE_URL };
  const log = createLogger('silent');
  const receiver = startDingtalkStreamReceiver({ config: env, router: createBotRouter(deps, listeners, log), log });
  afterAll(async () => {
    await receiver.stop();
    await gateway.close();
    await api.close();
  });
  return { api, gateway, env, deps, log, receiver, startWorkers: () => startWorkers(t, createChatPlatforms(env, { db: t.db, clients })) };
}
