import { existsSync, readFileSync } from 'node:fs';
import type { Context } from 'koa';

/** Answers with an HTML page of the Vite build, or a 503 that says how to build it. */
export function sendBuiltPage(ctx: Context, file: string, what: string): void {
  if (!existsSync(file)) {
    ctx.status = 503;
    ctx.type = 'text/plain; charset=utf-8';
    ctx.body = `${what}尚未构建：运行 npm run build:h5（npm start 会自动构建）`;
    return;
  }
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = readFileSync(file);
}
