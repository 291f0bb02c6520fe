import { describe, expect, it } from 'vitest';
import { signWecomJsApi } from '../../src/platforms/wecom/wecom-jsapi.ts';

// The example of WeCom's JS-SDK signature documentation (../shared/reference/wecom.md).
const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

describe('WeCom JS-SDK signature', () => {
  it('matches the official vector', () => {
    const signed = signWecomJsApi(ticket, 'http://mp.weixin.qq.com?params=value', 'Wm3WZYTPz0wzccnW', 1414587457);
    expect(signed).toEqual({ timestamp: 1414587457, nonceStr: 'Wm3WZYTPz0wzccnW', signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed' });
  });

  it('signs the url without its #fragment, as the page reports it', () => {
    const bare = signWecomJsApi(ticket, 'http://mp.weixin.qq.com?params=value', 'Wm3WZYTPz0wzccnW', 1414587457);
    const withHash = signWecomJsApi(ticket, 'http://mp.weixin.qq.com?params=value#/sign', 'Wm3WZYTPz0wzccnW', 1414587457);
    expect(withHash.signature).toBe(bare.signature);
  });
});
