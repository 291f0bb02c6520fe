// The endpoints under test, run in a child process (bench/server-main.ts) so the load
// generator does not steal their CPU. crypto and full are the same app and the same receiver;
// only the bot router differs (no database vs. the real dedupe insert), so full/crypto
// isolates the cost of recording each delivery durably.
import { generateLedgerKey } from '../src/crypto/ledger-key.ts';
import { createLocalFileStore } from '../src/storage/local-file-store.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Router from '@koa/router';
import Koa from 'koa';
import { createApp } from '../src/app.ts';
import { createBotRouter, type BotRouter } from '../src/bot/bot-router.ts';
import { parseEnv } from '../src/config.ts';
import { createPersonalDataCipher } from '../src/crypto/personal-data.ts';
import type { Db } from '../src/db/client.ts';
import { checkReadiness } from '../src/db/readiness.ts';
import type { AppState } from '../src/http/state.ts';
import { createLogger } from '../src/log.ts';
import { loadManifest } from '../src/manifest.ts';
import type { Outbox } from '../src/outbox/outbox.ts';
import { wecomHttpReceiver } from '../src/receivers/wecom-http-receiver.ts';
import { migrationsDir, projectRoot } from '../src/runtime.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { BENCH_WECOM } from './bench-config.ts';

const env = parseEnv({ DATA_DIR: '/tmp/sentinel-bench-data', ...BENCH_WECOM });
// 'warn': the router's per-delivery info lines would measure the log sink, not the receiver.
const log = createLogger('warn');

export function bareApp(): Koa {
  const app = new Koa();
  const router = new Router();
  router.post('/callbacks/wecom', (ctx) => {
    ctx.body = '';
  });
  app.use(router.routes());
  return app;
}

/** Records nothing: what the receiver costs without the database. */
const noDbRouter: BotRouter = { accept: async () => true, handle: async () => undefined, drain: async () => undefined };

/** The WeCom receiver without the app's middleware (request id, client address, routers): context for the crypto floor. */
export function receiverAloneApp(): Koa<AppState> {
  const app = new Koa<AppState>();
  app.use(wecomHttpReceiver({ config: env, router: noDbRouter, log }).routes());
  return app;
}

/** none: no database; accept: the real dedupe insert only; router: the real BotRouter. */
export type RouterMode = 'none' | 'accept' | 'router';

export function receiverApp(db: Db, mode: RouterMode): Koa<AppState> {
  const outbox: Outbox = { enqueue: async () => {}, enqueueMany: async () => {} }; // receivers never enqueue; listeners would
  const services: ServiceDeps = { db, cipher: createPersonalDataCipher(Buffer.alloc(32, 1)), now: () => new Date(), businessTz: env.BUSINESS_TZ, outbox, chatPlatforms: ['wecom'], platformClients: {}, publicBaseUrl: env.PUBLIC_BASE_URL, files: createLocalFileStore(join(tmpdir(), 'sentinel-bench-files')), ledgerKey: generateLedgerKey() };
  const real = createBotRouter(services, [], log);
  const routers: Record<RouterMode, BotRouter> = { none: noDbRouter, accept: { accept: real.accept, handle: noDbRouter.handle, drain: noDbRouter.drain }, router: real };
  const router = routers[mode];
  return createApp({
    services,
    env,
    adminToken: 'bench-admin-token-0123456789abcdef',
    log,
    manifest: loadManifest(`${projectRoot}app.json`),
    h5Dir: `${projectRoot}dist/h5`,
    readiness: () => checkReadiness(db, migrationsDir),
    routers: [wecomHttpReceiver({ config: env, router, log })],
  });
}
