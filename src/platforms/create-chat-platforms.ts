// Builds the platform clients from the configuration, once per process, sharing one token cache.
import type { Env } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Platform } from '../generated/prisma/client.ts';
import type { ChatPlatform } from './chat-platform.ts';
import { configuredPlatforms } from './configured-platforms.ts';
import { createDingtalkChatPlatform } from './dingtalk/dingtalk-chat-platform.ts';
import { createDingtalkClient, type DingtalkClient } from './dingtalk/dingtalk-client.ts';
import { createSandboxChatPlatform } from './sandbox/sandbox-chat-platform.ts';
import { createWecomChatPlatform } from './wecom/wecom-chat-platform.ts';
import { createTokenCache, type TokenCache } from './token-cache.ts';
import { createWecomClient, type WecomClient } from './wecom/wecom-client.ts';

export type ChatPlatforms = Partial<Record<Platform, ChatPlatform>>;

export interface PlatformClients {
  wecom?: WecomClient;
  dingtalk?: DingtalkClient;
}

/** API clients of the configured platforms (H5 login, directory and attendance sync use these). */
export function createPlatformClients(env: Env, deps: { db: Db; tokens?: TokenCache }): PlatformClients {
  const tokens = deps.tokens ?? createTokenCache(deps.db);
  const names = configuredPlatforms(env);
  const clients: PlatformClients = {};
  if (names.includes('wecom')) {
    const agentId = Number(env.WECOM_AGENT_ID);
    if (!Number.isInteger(agentId)) throw new Error(`WECOM_AGENT_ID must be the app's numeric AgentId, got "${env.WECOM_AGENT_ID}"`);
    const config = { corpId: env.WECOM_CORP_ID as string, agentId, secret: env.WECOM_SECRET as string };
    clients.wecom = createWecomClient({ config, apiBase: env.WECOM_API_BASE, db: deps.db, tokens });
  }
  if (names.includes('dingtalk')) {
    const config = {
      clientId: env.DINGTALK_CLIENT_ID as string,
      clientSecret: env.DINGTALK_CLIENT_SECRET as string,
      robotCode: env.DINGTALK_ROBOT_CODE,
      cardTemplateId: env.DINGTALK_CARD_TEMPLATE_ID,
    };
    clients.dingtalk = createDingtalkClient({ config, apiBase: env.DINGTALK_API_BASE, oapiBase: env.DINGTALK_OAPI_BASE, db: deps.db, tokens });
  }
  return clients;
}

/** What the outbox workers deliver through: the configured platforms, or the sandbox when none is. */
export function createChatPlatforms(env: Env, deps: { db: Db; clients?: PlatformClients }): ChatPlatforms {
  const clients = deps.clients ?? createPlatformClients(env, deps);
  const platforms: ChatPlatforms = {};
  const timeZone = env.BUSINESS_TZ;
  if (clients.wecom) platforms.wecom = createWecomChatPlatform(clients.wecom, { timeZone });
  if (clients.dingtalk) platforms.dingtalk = createDingtalkChatPlatform(clients.dingtalk, { timeZone });
  if (!clients.wecom && !clients.dingtalk) platforms.sandbox = createSandboxChatPlatform(deps.db);
  return platforms;
}
