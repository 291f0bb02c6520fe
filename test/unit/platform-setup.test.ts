import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config.ts';
import { loadManifest } from '../../src/manifest.ts';
import { platformSetupLines } from '../../src/server/platform-setup.ts';

const manifest = loadManifest('app.json');

describe('platform console instructions', () => {
  it('prints the callback URL and trusted domain from app.json for WeCom', () => {
    const env = parseEnv({ PUBLIC_BASE_URL: 'https://hr.example.com', WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'a'.repeat(43) });
    const text = platformSetupLines(manifest, env).join('\n');
    expect(text).toContain(`URL https://hr.example.com${manifest.callbacks.wecom}`);
    expect(text).toContain('可信域名 hr.example.com');
    expect(text).toContain(`https://hr.example.com${manifest.workbench.entry}`);
  });

  it('tells DingTalk users to use Stream mode and pass the corp id for 免登', () => {
    const env = parseEnv({ DINGTALK_CLIENT_ID: 'id', DINGTALK_CLIENT_SECRET: 'secret' });
    expect(platformSetupLines(manifest, env).join('\n')).toMatch(/Stream 模式[\s\S]*corpId=\$CORPID\$/);
  });

  it('prints nothing in sandbox mode', () => {
    expect(platformSetupLines(manifest, parseEnv({}))).toEqual([]);
  });
});
