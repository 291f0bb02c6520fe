// What to enter in each platform's admin console, read from app.json so the manifest, the
// routes and the instructions cannot disagree.
import type { Env } from '../config.ts';
import type { Manifest } from '../manifest.ts';
import { configuredPlatforms } from '../platforms/configured-platforms.ts';

export function platformSetupLines(manifest: Manifest, env: Env): string[] {
  const base = env.PUBLIC_BASE_URL;
  const host = new URL(base).host;
  const entry = `${base}${manifest.workbench.entry}`;
  const lines: string[] = [];
  for (const platform of configuredPlatforms(env)) {
    if (platform === 'wecom') {
      lines.push(
        'WeCom console (应用管理 → 自建应用):',
        `  接收消息 → URL ${base}${manifest.callbacks.wecom}, Token = WECOM_TOKEN, EncodingAESKey = WECOM_ENCODING_AES_KEY`,
        `  网页授权及JS-SDK → 可信域名 ${host}; 工作台应用主页 ${entry}`,
        `  JS-SDK APIs used: ${manifest.jsapi.wecom.join(', ')}`,
      );
    } else {
      lines.push(
        'DingTalk console (应用开发 → 企业内部应用):',
        '  事件与回调 → Stream 模式 (no public URL needed); 卡片回调 → Stream',
        `  应用首页 ${entry}?corpId=$CORPID$ (DingTalk fills in the corp id for 免登)`,
        `  Card template: design it from cards/dingtalk-card-template.json, set DINGTALK_CARD_TEMPLATE_ID`,
        `  JSAPI used: ${manifest.jsapi.dingtalk.join(', ')}`,
      );
    }
  }
  return lines;
}
