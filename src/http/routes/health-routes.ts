import Router from '@koa/router';
import type { Readiness } from '../../db/readiness.ts';
import type { AppState } from '../state.ts';

export interface PlatformState {
  name: string;
  state: string;
}

/** /healthz: the process answers. /readyz: database reachable and migrated; platform states are reported, never fatal. */
export function healthRouter(checks: { readiness(): Promise<Readiness>; platforms(): PlatformState[] }): Router<AppState> {
  const router = new Router<AppState>();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const readiness = await checks.readiness();
    ctx.status = readiness.ready ? 200 : 503;
    ctx.body = { status: readiness.ready ? 'ready' : 'not ready', ...readiness, platforms: checks.platforms() };
  });
  return router;
}
