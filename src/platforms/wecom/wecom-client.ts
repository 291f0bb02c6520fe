// The WeCom self-built app's API, assembled from one function per endpoint family.
import type { Db } from '../../db/client.ts';
import type { PlatformDirectory } from '../directory.ts';
import { createPlatformHttp } from '../platform-http.ts';
import { createTokenCache, type TokenCache } from '../token-cache.ts';
import { createRecipientRateLimiter, type RecipientRateLimiter } from './recipient-rate-limit.ts';
import { createWecomApi, type WecomApi, type WecomConfig } from './wecom-api.ts';
import { getWecomUserIdByCode } from './wecom-auth.ts';
import { getWecomCheckins, type WecomCheckin } from './wecom-checkin.ts';
import { getWecomDirectory } from './wecom-directory.ts';
import { getWecomApprovedLeaves, getWecomRevokedLeaveSpNos, type WecomLeave } from './wecom-leave.ts';
import { getWecomJsApiConfig, type WecomJsApiConfig } from './wecom-jsapi.ts';
import { uploadWecomMedia } from './wecom-media.ts';
import { sendWecomAppchatMessage } from './wecom-appchat.ts';
import type { WecomGroupMessage } from '../../../cards/render-group.ts';
import type { SendJournal } from '../chat-platform.ts';
import { sendWecomMessage, updateWecomTemplateCard, type WecomMessage, type WecomSendResult } from './wecom-messages.ts';

export interface WecomClient {
  api: WecomApi;
  send(userIds: string[], message: WecomMessage): Promise<WecomSendResult>;
  /** appchat/send to a group chat the app created. */
  sendToGroup(chatId: string, message: WecomGroupMessage, journal?: SendJournal): Promise<void>;
  updateTemplateCard(opts: Parameters<typeof updateWecomTemplateCard>[1]): Promise<void>;
  uploadMedia(opts: Parameters<typeof uploadWecomMedia>[1]): Promise<string>;
  getUserIdByCode(code: string): Promise<string>;
  getJsApiConfig(url: string): Promise<WecomJsApiConfig>;
  getCheckins(opts: { userIds: string[]; from: Date; to: Date }): Promise<WecomCheckin[]>;
  getApprovedLeaves(opts: { from: Date; to: Date; known?: (spNo: string) => boolean }): Promise<WecomLeave[]>;
  getRevokedLeaveSpNos(opts: { from: Date; to: Date }): Promise<string[]>;
  getDirectory(): Promise<PlatformDirectory>;
}

export interface WecomClientOptions {
  config: WecomConfig;
  /** WECOM_API_BASE */
  apiBase: string;
  db: Db;
  /** One per process, so tokens are fetched once however many clients exist. */
  tokens?: TokenCache;
  limiter?: RecipientRateLimiter;
  busyBackoffMs?: number[];
  timeoutMs?: number;
}

/**
 * @example
 * const wecom = createWecomClient({ config: { corpId, agentId: 1000002, secret }, apiBase: env.WECOM_API_BASE, db });
 * await wecom.send(['zhangsan'], { msgtype: 'text', text: { content: '请于本周五前上传缴费凭证' } });
 */
export function createWecomClient(opts: WecomClientOptions): WecomClient {
  const http = createPlatformHttp({ platform: 'wecom', baseURL: opts.apiBase, db: opts.db, timeoutMs: opts.timeoutMs });
  const api = createWecomApi({ config: opts.config, http, tokens: opts.tokens ?? createTokenCache(opts.db), busyBackoffMs: opts.busyBackoffMs });
  const limiter = opts.limiter ?? createRecipientRateLimiter({ db: opts.db });
  return {
    api,
    send: (userIds, message) => sendWecomMessage(api, limiter, userIds, message),
    sendToGroup: (chatId, message, journal) => sendWecomAppchatMessage(api, chatId, message, journal),
    updateTemplateCard: (o) => updateWecomTemplateCard(api, o),
    uploadMedia: (o) => uploadWecomMedia(api, o),
    getUserIdByCode: (code) => getWecomUserIdByCode(api, code),
    getJsApiConfig: (url) => getWecomJsApiConfig(api, url),
    getCheckins: (o) => getWecomCheckins(api, o),
    getApprovedLeaves: (o) => getWecomApprovedLeaves(api, o),
    getRevokedLeaveSpNos: (o) => getWecomRevokedLeaveSpNos(api, o),
    getDirectory: () => getWecomDirectory(api),
  };
}
