import type { Env } from '../config.ts';

export type ChatPlatformName = 'wecom' | 'dingtalk';

/** Platforms whose credentials are complete. None → the sandbox chat (and the dev login) is active. */
export function configuredPlatforms(env: Env): ChatPlatformName[] {
  const wecom = [env.WECOM_CORP_ID, env.WECOM_AGENT_ID, env.WECOM_SECRET, env.WECOM_TOKEN, env.WECOM_ENCODING_AES_KEY].every(Boolean);
  const dingtalk = Boolean(env.DINGTALK_CLIENT_ID && env.DINGTALK_CLIENT_SECRET);
  return [...(wecom ? (['wecom'] as const) : []), ...(dingtalk ? (['dingtalk'] as const) : [])];
}
