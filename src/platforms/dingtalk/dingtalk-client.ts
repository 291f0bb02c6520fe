// The DingTalk internal app's API, assembled from one function per endpoint family.
import type { Db } from '../../db/client.ts';
import type { PlatformDirectory } from '../directory.ts';
import { createPlatformHttp } from '../platform-http.ts';
import { createTokenCache, type TokenCache } from '../token-cache.ts';
import { createDingtalkApi, type DingtalkApi, type DingtalkConfig } from './dingtalk-api.ts';
import { getDingtalkAttendance, type DingtalkAttendanceRecord } from './dingtalk-attendance.ts';
import { getDingtalkUserIdByCode } from './dingtalk-auth.ts';
import { createAndDeliverDingtalkCard, updateDingtalkCard } from './dingtalk-cards.ts';
import { getDingtalkDirectory } from './dingtalk-directory.ts';
import { getDingtalkLeaves, type DingtalkLeave } from './dingtalk-leave.ts';
import { uploadDingtalkMedia } from './dingtalk-media.ts';
import { getDingtalkRobotReadStatus, type RobotReadState } from './dingtalk-read-status.ts';
import type { SendJournal } from '../chat-platform.ts';
import { sendDingtalkGroupMessage } from './dingtalk-group-robot.ts';
import type { DingtalkGroupMessage } from '../../../cards/render-group.ts';
import { sendDingtalkRobotMessage, type RobotMessage, type RobotSendResult } from './dingtalk-robot.ts';

export interface DingtalkClient {
  api: DingtalkApi;
  createAndDeliverCard(opts: { outTrackId: string; userIds: string[]; cardParamMap: Record<string, string> }): Promise<void>;
  updateCard(opts: { outTrackId: string; cardParamMap: Record<string, string> }): Promise<void>;
  sendRobotMessage(userIds: string[], message: RobotMessage, journal?: SendJournal): Promise<RobotSendResult>;
  /** robot/groupMessages/send to a group the robot is in; returns the processQueryKey. */
  sendGroupMessage(openConversationId: string, message: DingtalkGroupMessage, journal?: SendJournal): Promise<string>;
  uploadMedia(opts: { filename: string; content: Uint8Array; contentType?: string }): Promise<string>;
  getRobotReadStatus(processQueryKey: string): Promise<RobotReadState[]>;
  getUserIdByCode(code: string): Promise<{ userId: string; name?: string }>;
  getAttendance(opts: { userIds: string[]; fromDay: string; toDay: string }): Promise<DingtalkAttendanceRecord[]>;
  getLeaves(opts: { userIds: string[]; from: Date; to: Date }): Promise<DingtalkLeave[]>;
  getDirectory(): Promise<PlatformDirectory>;
}

export interface DingtalkClientOptions {
  config: DingtalkConfig;
  /** DINGTALK_API_BASE and DINGTALK_OAPI_BASE */
  apiBase: string;
  oapiBase: string;
  db: Db;
  tokens?: TokenCache;
  timeoutMs?: number;
}

/**
 * @example
 * const dingtalk = createDingtalkClient({ config: { clientId, clientSecret, robotCode }, apiBase: env.DINGTALK_API_BASE, oapiBase: env.DINGTALK_OAPI_BASE, db });
 * await dingtalk.sendRobotMessage(['manager1'], { msgKey: 'sampleText', msgParam: { content: '张三已连续 3 天未打卡' } });
 */
export function createDingtalkClient(opts: DingtalkClientOptions): DingtalkClient {
  const http = (baseURL: string) => createPlatformHttp({ platform: 'dingtalk', baseURL, db: opts.db, timeoutMs: opts.timeoutMs });
  const api = createDingtalkApi({ config: opts.config, api: http(opts.apiBase), oapi: http(opts.oapiBase), tokens: opts.tokens ?? createTokenCache(opts.db) });
  return {
    api,
    createAndDeliverCard: (o) => createAndDeliverDingtalkCard(api, o),
    updateCard: (o) => updateDingtalkCard(api, o),
    sendRobotMessage: (userIds, message, journal) => sendDingtalkRobotMessage(api, userIds, message, journal),
    sendGroupMessage: (chatId, message, journal) => sendDingtalkGroupMessage(api, chatId, message, journal),
    uploadMedia: (o) => uploadDingtalkMedia(api, o),
    getRobotReadStatus: (key) => getDingtalkRobotReadStatus(api, key),
    getUserIdByCode: (code) => getDingtalkUserIdByCode(api, code),
    getAttendance: (o) => getDingtalkAttendance(api, o),
    getLeaves: (o) => getDingtalkLeaves(api, o),
    getDirectory: () => getDingtalkDirectory(api),
  };
}
