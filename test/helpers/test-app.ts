// The real Koa stack over a per-file test database, driven through supertest.
import { fileURLToPath } from 'node:url';
import type Router from '@koa/router';
import supertest from 'supertest';
import { createApp } from '../../src/app.ts';
import { parseEnv } from '../../src/config.ts';
import { checkReadiness } from '../../src/db/readiness.ts';
import type { AppState } from '../../src/http/state.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import type { PlatformClients } from '../../src/platforms/create-chat-platforms.ts';
import type { TestDb } from './test-db.ts';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
const root = fileURLToPath(new URL('../..', import.meta.url));

/** `extra.routers`: receivers or other routers to mount; `extra.log`: e.g. a capturing logger. */
export function createTestApp(t: TestDb, envOverrides: Record<string, string> = {}, extra: { routers?: Router<AppState>[]; log?: Logger; platformClients?: PlatformClients } = {}) {
  const env = parseEnv({ DATA_DIR: '/tmp/sentinel-test-data', ...envOverrides });
  const app = createApp({
    services: t.deps,
    env,
    adminToken: ADMIN_TOKEN,
    log: extra.log ?? createLogger('silent'),
    manifest: loadManifest(`${root}/app.json`),
    h5Dir: `${root}/dist/h5`,
    readiness: () => checkReadiness(t.db, `${root}/prisma/migrations`),
    routers: extra.routers,
    platformClients: extra.platformClients,
  });
  const request = supertest(app.callback());
  const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  return { app, request, auth, env };
}
