// robot/groupMessages/send: the app's robot posts to a group it has been added to, addressed by
// the group's openConversationId. Like the 1:1 robot API it takes no idempotency key, so the
// outbox's send journal notes the call before and the processQueryKey after (send-journal.ts).
import type { DingtalkGroupMessage } from '../../../cards/render-group.ts';
import type { SendJournal } from '../chat-platform.ts';
import { PlatformApiError } from '../platform-api-error.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

const ONLY_BATCH = 0;
const API = 'robot/groupMessages/send';
/** A group post has no per-member answer: nobody is refused or flow-controlled. */
const NO_REFUSALS = { invalid: [], flowControlled: [] };

/** @returns the processQueryKey (empty when DingTalk gave none). */
export async function sendDingtalkGroupMessage(api: DingtalkApi, openConversationId: string, message: DingtalkGroupMessage, journal?: SendJournal): Promise<string> {
  const robotCode = api.config.robotCode;
  if (!robotCode) throw new PlatformApiError({ platform: 'dingtalk', api: API, errcode: 'not_configured', errmsg: '未配置 DINGTALK_ROBOT_CODE，无法向钉钉群发送消息', retryable: false });
  const earlier = (await journal?.sentBatches())?.[ONLY_BATCH];
  if (earlier !== undefined) return earlier.key;
  await journal?.begin(ONLY_BATCH);
  const data = { robotCode, openConversationId, msgKey: message.msgKey, msgParam: JSON.stringify(message.msgParam) };
  const res = await api.call<{ processQueryKey?: string }>({ api: API, method: 'POST', path: '/v1.0/robot/groupMessages/send', data }).catch(async (error: unknown) => {
    if (!(error instanceof PlatformApiError && error.maybeSent)) await journal?.abandon(ONLY_BATCH);
    throw error;
  });
  const key = res.processQueryKey ?? '';
  await journal?.sent(ONLY_BATCH, key, NO_REFUSALS);
  return key;
}
