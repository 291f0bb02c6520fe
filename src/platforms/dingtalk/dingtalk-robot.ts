import { chunk } from '../split.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

export type RobotMessage =
  | { msgKey: 'sampleText'; msgParam: { content: string } }
  | { msgKey: 'sampleMarkdown'; msgParam: { title: string; text: string } }
  | { msgKey: 'sampleActionCard'; msgParam: { title: string; text: string; singleTitle: string; singleURL: string } }
  | { msgKey: 'sampleFile'; msgParam: { mediaId: string; fileName: string; fileType: string } };

export interface RobotSendResult {
  /** One per batch of ≤ 20 users: the key robot/oToMessages/readStatus answers read state for. */
  processQueryKeys: string[];
  invalidStaffIdList: string[];
  flowControlledStaffIdList: string[];
}

/** Robot 1:1 messages, POST /v1.0/robot/oToMessages/batchSend, at most 20 users per call. */
export async function sendDingtalkRobotMessage(api: DingtalkApi, userIds: string[], message: RobotMessage): Promise<RobotSendResult> {
  const robotCode = api.config.robotCode;
  if (!robotCode) throw new PlatformApiError({ platform: 'dingtalk', api: 'robot/oToMessages/batchSend', errcode: 'not_configured', errmsg: '未配置 DINGTALK_ROBOT_CODE，无法发送钉钉机器人消息', retryable: false });
  const out: RobotSendResult = { processQueryKeys: [], invalidStaffIdList: [], flowControlledStaffIdList: [] };
  for (const users of chunk(userIds, 20)) {
    const data = { robotCode, userIds: users, msgKey: message.msgKey, msgParam: JSON.stringify(message.msgParam) };
    const res = await api.call<Partial<RobotSendResult> & { processQueryKey?: string }>({ api: 'robot/oToMessages/batchSend', method: 'POST', path: '/v1.0/robot/oToMessages/batchSend', data });
    if (res.processQueryKey) out.processQueryKeys.push(res.processQueryKey);
    out.invalidStaffIdList.push(...(res.invalidStaffIdList ?? []));
    out.flowControlledStaffIdList.push(...(res.flowControlledStaffIdList ?? []));
  }
  return out;
}
