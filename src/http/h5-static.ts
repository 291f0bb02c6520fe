// Serves the built H5 under the manifest's base path. Each page listed in app.json answers
// with index.html (the client router takes over); assets are served with long caching.
// `/` leads to the H5, and any other path below the base also answers index.html (with 404),
// so the client router shows its Chinese 「页面不存在」 page instead of a bare "Not Found".
import Router from '@koa/router';
import { join } from 'node:path';
import serve from 'koa-static';
import mount from 'koa-mount';
import type Koa from 'koa';
import type { Manifest } from '../manifest.ts';
import { sendBuiltPage } from './send-built-page.ts';
import type { AppState } from './state.ts';

export function mountH5(app: Koa<AppState>, manifest: Manifest, h5Dir: string): void {
  const base = manifest.h5.base;
  const index = join(h5Dir, 'index.html');
  const router = new Router<AppState>();
  const sendIndex = (ctx: Koa.ParameterizedContext<AppState>) => sendBuiltPage(ctx, index, 'H5 ');
  router.get('/', (ctx) => ctx.redirect(`${base}/`));
  router.get(base, (ctx) => ctx.redirect(`${base}${manifest.h5.home}`));
  router.get(`${base}/`, (ctx) => ctx.redirect(`${base}${manifest.h5.home}`));
  for (const page of manifest.h5.pages) router.get(`${base}${page.path}`, sendIndex);
  app.use(router.routes());
  app.use(mount(`${base}/assets`, serve(join(h5Dir, 'assets'), { maxage: 365 * 24 * 3600 * 1000, immutable: true })));
  app.use(mount(base, serve(h5Dir, { index: false })));
  app.use(async (ctx, next) => {
    await next();
    const unknownPage = ctx.method === 'GET' && ctx.status === 404 && ctx.body === undefined
      && ctx.path.startsWith(`${base}/`) && !ctx.path.startsWith(`${base}/assets/`);
    if (!unknownPage) return;
    sendIndex(ctx);
    if (ctx.status === 200) ctx.status = 404;
  });
}
