import type { DingtalkApi } from './dingtalk-api.ts';

/** H5 免登: the authCode from dd.requestAuthCode (single use, 5 min) → the user's userid. */
export async function getDingtalkUserIdByCode(api: DingtalkApi, code: string): Promise<{ userId: string; name?: string }> {
  const res = await api.callOld<{ result: { userid: string; name?: string } }>({ api: 'topapi/v2/user/getuserinfo', method: 'POST', path: '/topapi/v2/user/getuserinfo', data: { code } });
  return { userId: res.result.userid, name: res.result.name };
}
