// Read state of robot 1:1 messages: GET /v1.0/robot/oToMessages/readStatus with the send's
// processQueryKey → messageReadInfoList [{userId, readStatus 'READ'|'UNREAD', readTimestamp}].
// (Work notifications would use topapi/message/corpconversation/getsendresult; this app sends
// through the robot, so this is the API that matches.)
import { PlatformApiError } from '../platform-api-error.ts';
import type { DingtalkApi } from './dingtalk-api.ts';

export interface RobotReadState {
  userId: string;
  read: boolean;
  /** When DingTalk reports it (epoch ms in readTimestamp). */
  readAt?: Date;
}

/**
 * @example const states = await getDingtalkRobotReadStatus(api, 'pq-123'); // → [{ userId: 'zhangsan', read: true, readAt }]
 */
export async function getDingtalkRobotReadStatus(api: DingtalkApi, processQueryKey: string): Promise<RobotReadState[]> {
  const robotCode = api.config.robotCode;
  if (!robotCode) throw new PlatformApiError({ platform: 'dingtalk', api: 'robot/oToMessages/readStatus', errcode: 'not_configured', errmsg: '未配置 DINGTALK_ROBOT_CODE，无法查询钉钉机器人消息已读状态', retryable: false });
  const res = await api.call<{ messageReadInfoList?: { userId?: string; readStatus?: string; readTimestamp?: number }[] }>({
    api: 'robot/oToMessages/readStatus', method: 'GET', path: '/v1.0/robot/oToMessages/readStatus', params: { robotCode, processQueryKey },
  });
  return (res.messageReadInfoList ?? []).flatMap((r) => (r.userId ? [{
    userId: r.userId,
    read: r.readStatus === 'READ',
    ...(r.readStatus === 'READ' && typeof r.readTimestamp === 'number' && { readAt: new Date(r.readTimestamp) }),
  }] : []));
}
