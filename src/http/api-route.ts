// A REST route is data: method, path, zod schemas and a handler. The same list mounts the
// routes on the router and generates /api/v1/openapi.json, so the docs cannot drift.
import type Router from '@koa/router';
import type { Middleware } from 'koa';
import { z, type ZodType } from 'zod';
import type { Actor } from '../domain/actor.ts';
import { authorize, type Action } from '../domain/permissions.ts';
import { requireActor } from './authenticate.ts';
import type { AppContext, AppState } from './state.ts';

type Schema = ZodType | undefined;
type Out<S extends Schema> = S extends ZodType ? z.output<S> : undefined;

export interface ApiRoute<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa path below /api/v1, e.g. '/employees/:id'. */
  path: string;
  summary: string;
  tag: string;
  /** Which roles may call it, as stated in domain/permissions.ts. */
  roles: string;
  /**
   * The permission-table entry every caller needs (domain/permissions.ts). Checked before the
   * upload, the query and the body are read, so a role without it gets 403 whatever it sends.
   * Routes open to everyone for their own records leave it out; their services check the scope.
   */
  action?: Action;
  /** false for routes that work without a caller (login, docs). */
  auth?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented request body for non-JSON routes (multipart uploads). */
  contentType?: 'multipart/form-data';
  /** Runs before the handler, e.g. to read a multipart upload for this route only. */
  middleware?: Middleware<AppState>[];
  status?: number;
  /** Documents the success body in the OpenAPI document (not enforced at run time). */
  response?: ZodType;
  handler(input: { params: Out<P>; query: Out<Q>; body: Out<B>; actor: Actor; ctx: AppContext }): Promise<unknown>;
}

/** Keeps each route's schema types tied to its handler. */
/** `:id` path parameters: a UUID, else a Chinese 400 naming what it is the id of, e.g. idParams('审批'). */
export const idParams = (what: string) => z.object({ id: z.uuid({ message: `${what}编号格式不正确，请从列表重新打开` }) });

export function defineRoute<P extends Schema, Q extends Schema, B extends Schema>(route: ApiRoute<P, Q, B>): ApiRoute<P, Q, B> {
  return route;
}

export function mountRoutes(router: Router<AppState>, routes: ApiRoute[]): void {
  for (const route of routes) {
    const gate: Middleware<AppState> = async (ctx, next) => {
      if (route.action) authorize(requireActor(ctx), route.action);
      await next();
    };
    router[route.method](route.path, gate, ...(route.middleware ?? []), async (ctx) => {
      const params = route.params ? route.params.parse(ctx.params) : undefined;
      const query = route.query ? route.query.parse(ctx.query) : undefined;
      const body = route.body ? route.body.parse((ctx.request as { body?: unknown }).body ?? {}) : undefined;
      const actor = route.auth === false ? (ctx.state.actor as Actor) : requireActor(ctx);
      const result = await route.handler({ params, query, body, actor, ctx: ctx as AppContext });
      if (result !== undefined) ctx.body = result;
      ctx.status = route.status ?? (result === undefined ? 204 : 200);
    });
  }
}
