// Inside WeCom (user agent "wxwork") the H5 signs in through OAuth by itself: the login page
// sends the browser to WeCom, which (here: a route stub standing in for open.weixin.qq.com)
// comes back with a code the WeCom API fake knows. An unknown account sees a clear message.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/free-port.ts';
import { startFakeWecomServer, type FakeWecomServer } from '../fakes/fake-wecom-server.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { resultsDir, startH5Browser, type H5Browser } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { wecomClientFor, wecomEnv } from '../platforms/platform-kit.ts';

const t = await createTestDb();
let h5: H5Browser;
let fake: FakeWecomServer;

beforeAll(async () => {
  fake = await startFakeWecomServer();
  const port = await freePort();
  const env = { ...wecomEnv(fake), PUBLIC_BASE_URL: `http://127.0.0.1:${port}` };
  h5 = await startH5Browser(t, { port, env, extra: { platformClients: { wecom: wecomClientFor(fake, t) } } });
  await makeEmployee(t.deps, { name: '企微王芳', department: '销售部', identities: { wecom: 'wangfang' } });
});

afterAll(async () => {
  await h5?.close();
  await fake?.close();
});

/** A phone inside WeCom whose OAuth page immediately approves `userId`. */
async function wecomPhone(userId: string): Promise<Page> {
  const context = await h5.browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 wxwork/4.1.0 MicroMessenger/7.0.1', locale: 'zh-CN' });
  await context.route('https://open.weixin.qq.com/**', async (route) => {
    const asked = new URL(route.request().url());
    const code = `code-${userId}-${Date.now()}`;
    fake.addOauthCode(code, userId);
    const back = new URL(asked.searchParams.get('redirect_uri')!);
    back.searchParams.set('code', code);
    back.searchParams.set('state', asked.searchParams.get('state')!);
    await route.fulfill({ status: 302, headers: { location: back.toString() } });
  });
  return context.newPage();
}

describe('H5 sign-in inside WeCom', () => {
  it('signs a bound employee in through OAuth without any click and shows 我的', async () => {
    const page = await wecomPhone('wangfang');
    await page.goto(`${h5.base}/app/me`);
    await expect.poll(() => page.locator('.profile-header').innerText(), { timeout: 10_000 }).toContain('企微王芳');
  });

  it('tells an account that is bound to no employee what to do', async () => {
    const page = await wecomPhone('stranger');
    await page.goto(`${h5.base}/app/me`);
    // Polling the URL rather than waitForURL: Chromium reports a transient failed navigation
    // before a routed cross-site redirect is fulfilled.
    await expect.poll(() => new URL(page.url()).searchParams.get('error'), { timeout: 10_000 }).toBe('unknown_user');
    await expect.poll(() => page.locator('.van-empty').innerText()).toContain('尚未关联员工档案');
    await page.screenshot({ path: `${resultsDir}/h5-wecom-unknown-user.png` });
  });
});
