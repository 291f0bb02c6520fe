// Sign-in inside the chat apps. WeCom: the server starts OAuth (snsapi_base) and comes back with
// a session cookie. DingTalk: 免登 asks the client for an auth code, which the server exchanges.
// The workbench entry URL carries the corp id as ?corpId=$CORPID$ (DingTalk fills it in).
import { api } from './api.ts';

export type PlatformLogin = 'redirected' | 'signed-in' | 'not-in-platform';

export const loginErrors: Record<string, string> = {
  unknown_user: '你的账号尚未关联员工档案，请联系人事在名册中填写你的企业微信 / 钉钉账号。',
  state: '登录已过期，请从工作台重新打开应用。',
  platform: '企业微信登录失败，请稍后重试。',
};

export async function signInThroughPlatform(platforms: string[], redirect: string, userAgent = navigator.userAgent): Promise<PlatformLogin> {
  if (platforms.includes('wecom') && /wxwork/i.test(userAgent)) {
    window.location.assign(`/api/v1/h5/wecom/authorize?redirect=${encodeURIComponent(redirect)}`);
    return 'redirected';
  }
  if (platforms.includes('dingtalk') && /DingTalk/i.test(userAgent)) {
    const corpId = new URLSearchParams(window.location.search).get('corpId') ?? '';
    const { default: requestAuthCode } = await import('dingtalk-jsapi/api/runtime/permission/requestAuthCode');
    const { code } = await requestAuthCode({ corpId });
    await api('POST', '/h5/dingtalk/login', { code });
    return 'signed-in';
  }
  return 'not-in-platform';
}
