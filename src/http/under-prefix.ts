// Runs a middleware only for paths under a prefix, so a router with many routes is not matched
// against requests it can never answer (callbacks, H5 assets, health checks).
import type { Middleware } from 'koa';

/**
 * Case-insensitive like @koa/router's default matching, so `/API/V1/x` still reaches the router.
 * @example app.use(underPrefix('/api/v1', api.routes()))
 */
export function underPrefix<S, C>(prefix: string, middleware: Middleware<S, C>): Middleware<S, C> {
  const lower = prefix.toLowerCase();
  return (ctx, next) => (ctx.path.slice(0, lower.length).toLowerCase() === lower ? middleware(ctx, next) : next());
}
