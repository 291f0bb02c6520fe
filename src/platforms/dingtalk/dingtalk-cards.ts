// Interactive cards (卡片平台): createAndDeliver once per card key (outTrackId), then PUT updates.
import { PlatformApiError } from '../platform-api-error.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

interface DeliverResult {
  spaceId?: string;
  success?: boolean;
  errorMsg?: string;
}

function required(api: DingtalkApi, name: 'robotCode' | 'cardTemplateId', variable: string): string {
  const value = api.config[name];
  if (!value) throw new PlatformApiError({ platform: 'dingtalk', api: 'card/instances', errcode: 'not_configured', errmsg: `未配置 ${variable}，无法发送钉钉互动卡片`, retryable: false });
  return value;
}

/**
 * One card instance delivered to each user's 1:1 robot chat. DingTalk never creates a second
 * card for the same outTrackId, so a retry after a lost answer is harmless.
 */
export async function createAndDeliverDingtalkCard(api: DingtalkApi, opts: { outTrackId: string; userIds: string[]; cardParamMap: Record<string, string> }): Promise<void> {
  const robotCode = required(api, 'robotCode', 'DINGTALK_ROBOT_CODE');
  const data = {
    cardTemplateId: required(api, 'cardTemplateId', 'DINGTALK_CARD_TEMPLATE_ID'),
    outTrackId: opts.outTrackId,
    cardData: { cardParamMap: opts.cardParamMap },
    openSpaceId: `dtv1.card//${opts.userIds.map((u) => `IM_ROBOT.${u}`).join(';')}`,
    callbackType: 'STREAM',
    imRobotOpenSpaceModel: { supportForward: true },
    imRobotOpenDeliverModel: { spaceType: 'IM_ROBOT', robotCode },
  };
  const res = await api.call<{ result?: { deliverResults?: DeliverResult[] } }>({ api: 'card/instances/createAndDeliver', method: 'POST', path: '/v1.0/card/instances/createAndDeliver', data });
  const results = res.result?.deliverResults ?? [];
  if (results.length > 0 && results.every((r) => r.success === false)) {
    const errmsg = results.map((r) => `${r.spaceId ?? '?'}: ${r.errorMsg ?? '投递失败'}`).join('; ');
    throw new PlatformApiError({ platform: 'dingtalk', api: 'card/instances/createAndDeliver', errcode: 'deliver_failed', errmsg, retryable: false });
  }
}

/** Replaces the listed card parameters for everyone who has the card. */
export async function updateDingtalkCard(api: DingtalkApi, opts: { outTrackId: string; cardParamMap: Record<string, string> }): Promise<void> {
  const data = { outTrackId: opts.outTrackId, cardData: { cardParamMap: opts.cardParamMap }, cardUpdateOptions: { updateCardDataByKey: true } };
  await api.call({ api: 'card/instances', method: 'PUT', path: '/v1.0/card/instances', data });
}
