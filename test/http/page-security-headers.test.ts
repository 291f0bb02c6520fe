// Issue 13 §6: the H5 pages, their assets and the sandbox page carry the security headers.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/http/page-security-headers.ts';
import { sandboxPageRouter } from '../../src/http/sandbox-page.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { repoRoot } from '../helpers/h5-browser.ts';

const t = await createTestDb();
const { request } = createTestApp(t, {}, { routers: [sandboxPageRouter(`${repoRoot}/dist/h5`)] });

describe('page security headers', () => {
  it.each(['/app/me', '/app/login', '/app/assets/no-such-file.js', '/sandbox'])('are sent on %s', async (path) => {
    const res = await request.get(path);
    expect(res.headers).toMatchObject({ 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
  });

  it('let only this origin and the WeCom and DingTalk web clients frame the app', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )frame-ancestors 'self' https:\/\/work\.weixin\.qq\.com https:\/\/\*\.work\.weixin\.qq\.com https:\/\/\*\.dingtalk\.com(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*(?!\.)/);
  });
});
