import type { SendJournal } from '../chat-platform.ts';
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

/**
 * Robot 1:1 messages, POST /v1.0/robot/oToMessages/batchSend, at most 20 users per call. The API
 * takes no idempotency key, so with a `journal` each batch is noted before the call and its
 * processQueryKey after: a retry skips the batches already sent and never resends one whose
 * outcome a crash or timeout left unknown (the journal refuses it).
 */
export async function sendDingtalkRobotMessage(api: DingtalkApi, userIds: string[], message: RobotMessage, journal?: SendJournal): Promise<RobotSendResult> {
  const robotCode = api.config.robotCode;
  if (!robotCode) throw new PlatformApiError({ platform: 'dingtalk', api: 'robot/oToMessages/batchSend', errcode: 'not_configured', errmsg: '未配置 DINGTALK_ROBOT_CODE，无法发送钉钉机器人消息', retryable: false });
  const out: RobotSendResult = { processQueryKeys: [], invalidStaffIdList: [], flowControlledStaffIdList: [] };
  const done = (await journal?.sentBatches()) ?? {};
  for (const [batch, users] of chunk(userIds, 20).entries()) {
    const earlier = done[batch];
    if (earlier !== undefined) {
      // Sent by an earlier attempt: report what that answer said, so nobody it refused is lost.
      if (earlier.key) out.processQueryKeys.push(earlier.key);
      out.invalidStaffIdList.push(...earlier.invalid);
      out.flowControlledStaffIdList.push(...earlier.flowControlled);
      continue;
    }
    const data = { robotCode, userIds: users, msgKey: message.msgKey, msgParam: JSON.stringify(message.msgParam) };
    await journal?.begin(batch);
    const res = await api.call<Partial<RobotSendResult> & { processQueryKey?: string }>({ api: 'robot/oToMessages/batchSend', method: 'POST', path: '/v1.0/robot/oToMessages/batchSend', data }).catch(async (error: unknown) => {
      // An answered error sent nothing: the batch may go again. A timeout stays begun (unknown).
      if (!(error instanceof PlatformApiError && error.maybeSent)) await journal?.abandon(batch);
      throw error;
    });
    const refusals = { invalid: res.invalidStaffIdList ?? [], flowControlled: res.flowControlledStaffIdList ?? [] };
    // The refusals are journaled with the batch: a crash right after still retries the flow-controlled.
    await journal?.sent(batch, res.processQueryKey ?? '', refusals);
    if (res.processQueryKey) out.processQueryKeys.push(res.processQueryKey);
    out.invalidStaffIdList.push(...refusals.invalid);
    out.flowControlledStaffIdList.push(...refusals.flowControlled);
  }
  return out;
}
