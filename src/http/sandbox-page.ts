// GET /sandbox: the local chat simulator, a second entry of the H5 build (src/h5/sandbox.html).
// Its scripts and styles live in dist/h5/assets, already served under /app/assets by h5-static.
// The page is served whether or not a platform is configured: its API then answers 403 with
// the reason, which the page shows instead of a bare error.
import Router from '@koa/router';
import { join } from 'node:path';
import { sendBuiltPage } from './send-built-page.ts';
import type { AppState } from './state.ts';

/**
 * @example createApp({ …, routers: [sandboxPageRouter(`${projectRoot}dist/h5`)] });
 */
export function sandboxPageRouter(h5Dir: string): Router<AppState> {
  const page = join(h5Dir, 'sandbox.html');
  const router = new Router<AppState>();
  router.get(['/sandbox', '/sandbox/'], (ctx) => sendBuiltPage(ctx, page, '沙箱聊天页面'));
  return router;
}
