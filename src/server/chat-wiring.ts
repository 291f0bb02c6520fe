// The chat side of the server: one bot router with every listener, and the receivers of the
// configured platforms feeding it (WeCom HTTP, DingTalk Stream, DingTalk HTTP events, sandbox),
// and the redrive of deliveries a stopped process acked but never handled.
import type Router from '@koa/router';
import { createBotRouter, type BotRouter } from '../bot/bot-router.ts';
import { startDeliveryRedrive } from '../bot/redrive-deliveries.ts';
import type { Env } from '../config.ts';
import { sandboxPageRouter } from '../http/sandbox-page.ts';
import type { PlatformState } from '../http/routes/health-routes.ts';
import type { AppState } from '../http/state.ts';
import { listeners } from '../listeners/index.ts';
import type { Logger } from '../log.ts';
import { configuredPlatforms } from '../platforms/configured-platforms.ts';
import { dingtalkHttpReceiver } from '../receivers/dingtalk-http-receiver.ts';
import { startDingtalkStreamReceiver } from '../receivers/dingtalk-stream/receiver.ts';
import { createSandboxReceiver, type SandboxReceiver } from '../receivers/sandbox-receiver.ts';
import { wecomHttpReceiver } from '../receivers/wecom-http-receiver.ts';
import type { ServiceDeps } from '../services/deps.ts';

export interface ChatWiring {
  botRouter: BotRouter;
  routers: Router<AppState>[];
  /** Set while no chat platform is configured: the /sandbox page's chat posts into it. */
  sandboxReceiver?: SandboxReceiver;
  platformStates(): PlatformState[];
  stop(): Promise<void>;
}

export function wireChat(deps: ServiceDeps, env: Env, log: Logger, h5Dir: string): ChatWiring {
  const botRouter = createBotRouter(deps, listeners, log.child({ part: 'bot' }));
  const redrive = startDeliveryRedrive(deps.db, botRouter, log.child({ part: 'bot' }));
  const platforms = configuredPlatforms(env);
  const routers: Router<AppState>[] = [sandboxPageRouter(h5Dir)];
  if (platforms.includes('wecom')) routers.push(wecomHttpReceiver({ config: env, router: botRouter, log }));
  if (env.DINGTALK_EVENT_TOKEN && env.DINGTALK_EVENT_AES_KEY && env.DINGTALK_CLIENT_ID) {
    routers.push(dingtalkHttpReceiver({ config: env, router: botRouter, log }));
  }
  const stream = platforms.includes('dingtalk') ? startDingtalkStreamReceiver({ config: env, router: botRouter, log }) : undefined;
  const sandboxReceiver = platforms.length === 0 ? createSandboxReceiver({ router: botRouter, log, now: deps.now }) : undefined;
  return {
    botRouter,
    routers,
    sandboxReceiver,
    platformStates: () => [
      ...(platforms.length === 0 ? [{ name: 'sandbox', state: 'active' }] : []),
      ...(platforms.includes('wecom') ? [{ name: 'wecom', state: 'callbacks at /callbacks/wecom' }] : []),
      ...(stream ? [{ name: 'dingtalk', ...stream.state() }] : []),
    ],
    stop: async () => {
      await stream?.stop();
      await redrive.stop();
    },
  };
}
