// The real app with a receiver mounted, a recording listener and a capturing logger.
import type { Server } from 'node:http';
import type Router from '@koa/router';
import { createBotRouter, type BotRouter } from '../../../src/bot/bot-router.ts';
import type { InboundEvent } from '../../../src/bot/inbound-event.ts';
import type { Listener } from '../../../src/bot/listener.ts';
import { parseEnv, type Env } from '../../../src/config.ts';
import type { AppState } from '../../../src/http/state.ts';
import type { Logger } from '../../../src/log.ts';
import { createTestApp } from '../../helpers/test-app.ts';
import type { TestDb } from '../../helpers/test-db.ts';
import { captureLog } from './capture-log.ts';

export type ReceiverFactory = (o: { config: Env; router: BotRouter; log: Logger; now: () => Date }) => Router<AppState>;

export interface ReceiverAppOptions {
  env: Record<string, string>;
  now: () => Date;
  /** Runs inside the recording listener, e.g. to be slow. */
  onEvent?: (event: InboundEvent) => Promise<void>;
}

export function receiverApp(t: TestDb, receiver: ReceiverFactory, o: ReceiverAppOptions) {
  const captured = captureLog();
  const handled: InboundEvent[] = [];
  const record: Listener['handle'] = async ({ event }) => {
    await o.onEvent?.(event);
    handled.push(event);
  };
  const listeners: Listener[] = ['card.action', 'message.text', 'event.user_add_org'].map((route) => ({ route, handle: record }));
  const config = parseEnv({ DATA_DIR: '/tmp/sentinel-test-data', ...o.env });
  const router = createBotRouter(t.deps, listeners, captured.log);
  const routers = [receiver({ config, router, log: captured.log, now: o.now })];
  const { request, app } = createTestApp(t, o.env, { routers, log: captured.log });
  /** A real listening server, for requests supertest cannot make (a chunked body). */
  const listen = () =>
    new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
  return { request, handled, captured, listen };
}

/** Resolves when `check` passes, polling (the listener runs after the ack). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
