// The sandbox chat's API (/sandbox page). Open only while no chat platform is configured,
// like the dev login: with WeCom or DingTalk live, impersonating people must be impossible.
import { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { SandboxReceiver } from '../../receivers/sandbox-receiver.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getSandboxFile } from '../../services/sandbox/get-sandbox-file.ts';
import { listSandboxMessages } from '../../services/sandbox/list-sandbox-messages.ts';
import { listSandboxUsers } from '../../services/sandbox/list-sandbox-users.ts';
import { recordSandboxText } from '../../services/sandbox/record-sandbox-text.ts';
import { requireSandboxCardButton } from '../../services/sandbox/require-sandbox-card-button.ts';
import { defineRoute } from '../api-route.ts';
import { sendFile } from './proof-routes.ts';

export interface SandboxRouteOptions {
  /** configuredPlatforms(env).length === 0 */
  enabled: boolean;
  /** Built with the other receivers in src/server/chat-wiring.ts, feeding the real listeners. */
  receiver?: SandboxReceiver;
}

const userId = z.string().trim().min(1).max(128);
const common = { tag: 'sandbox', auth: false, roles: 'anyone, only while no chat platform is configured' } as const;

export function sandboxRoutes(deps: ServiceDeps, opts: SandboxRouteOptions) {
  const requireEnabled = () => {
    if (!opts.enabled) throw new AppError('forbidden', '已配置企业微信或钉钉，沙箱聊天已关闭：请在企业微信或钉钉里收发消息');
  };
  const receiver = (): SandboxReceiver => {
    requireEnabled();
    if (!opts.receiver) throw new AppError('internal', '沙箱聊天没有接入消息路由：createApp 需要 sandboxReceiver（由 src/server/chat-wiring.ts 建好）');
    return opts.receiver;
  };
  return [
    defineRoute({
      ...common, method: 'get', path: '/sandbox/users',
      summary: 'Demo users the sandbox chat can act as, with their sandbox user id',
      handler: async () => {
        requireEnabled();
        return { users: await listSandboxUsers(deps) };
      },
    }),
    defineRoute({
      ...common, method: 'get', path: '/sandbox/messages',
      summary: "One user's sandbox chat, oldest first (the newest 200); cards as their current CardModel",
      query: z.object({ userId, after: z.iso.datetime({ offset: true }).optional() }),
      handler: async ({ query }) => {
        requireEnabled();
        return listSandboxMessages(deps, { userId: query.userId, after: query.after ? new Date(query.after) : undefined });
      },
    }),
    defineRoute({
      ...common, method: 'get', path: '/sandbox/messages/:id/file',
      summary: "A file message's file (the notice PDF, say), for its recipient's sandbox chat; ?download=1 as attachment",
      params: z.object({ id: z.uuid() }),
      query: z.object({ userId, download: z.enum(['0', '1']).optional() }),
      handler: async ({ params, query, ctx }) => {
        requireEnabled();
        return sendFile(ctx, await getSandboxFile(deps, { userId: query.userId, messageId: params.id }), query.download === '1');
      },
    }),
    defineRoute({
      ...common, method: 'post', path: '/sandbox/messages',
      summary: 'Type a message as the user: recorded in the chat and routed as message.text (deduped by clientMessageId)',
      body: z.object({ userId, text: z.string().trim().min(1).max(2048), clientMessageId: z.uuid() }).strict(),
      handler: async ({ body }) => {
        const rx = receiver();
        await recordSandboxText(deps, body);
        return rx.text(body);
      },
    }),
    defineRoute({
      ...common, method: 'post', path: '/sandbox/card-actions',
      summary: 'Click a card button as the user: routed as card.action to the same listeners as platform callbacks',
      body: z.object({ userId, cardKey: z.string().min(1).max(128), actionId: z.string().min(1).max(128), clientActionId: z.uuid() }).strict(),
      handler: async ({ body }) => {
        const rx = receiver();
        await requireSandboxCardButton(deps, body);
        return rx.cardAction(body);
      },
    }),
  ];
}
