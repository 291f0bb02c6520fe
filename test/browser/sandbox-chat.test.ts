// The sandbox chat in a real (headless) Chromium against the real server, router, listeners
// and outbox: an onboarding card reaches HR's chat, a click decides it, the card shows it.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { createSandboxReceiver } from '../../src/receivers/sandbox-receiver.ts';
import { parseEnv } from '../../src/config.ts';
import { dayIn } from '../../src/domain/dates.ts';
import { sandboxPageRouter } from '../../src/http/sandbox-page.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import { startOutboxWorkers, type OutboxWorkers } from '../../src/outbox/outbox-workers.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { sendOnboardingConfirmations } from '../../src/services/onboarding/send-onboarding-confirmations.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { closeServer, listenOnLoopback, phonePage, prepareBrowser, repoRoot, resultsDir } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const h5Dir = `${repoRoot}/dist/h5`;
const t = await createTestDb();
const log = createLogger('silent');
const today = dayIn('Asia/Shanghai', new Date());
let browser: Browser;
let workers: OutboxWorkers;
const servers: Server[] = [];

async function serve(envOverrides: Record<string, string> = {}): Promise<string> {
  const app = createApp({
    services: t.deps, env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data', ...envOverrides }), adminToken: 'test-admin-token-0123456789abcdef', log,
    manifest: loadManifest(`${repoRoot}/app.json`), h5Dir, readiness: async () => ({ ready: true, database: 'ok', pendingMigrations: [] }),
    sandboxReceiver: createSandboxReceiver({ router: createBotRouter(t.deps, listeners, log), log, now: t.deps.now }), routers: [sandboxPageRouter(h5Dir)],
  });
  const { server, base } = await listenOnLoopback(app);
  servers.push(server);
  return base;
}

const newPage = (viewport: { width: number; height: number }, mobile: boolean) => phonePage(browser, { viewport, deviceScaleFactor: 2, isMobile: mobile, hasTouch: mobile });

beforeAll(async () => {
  await makeActor(t.deps, ['HR_MANAGER'], { name: '周建国', department: '人力资源部', identities: { sandbox: 'hr-manager' } });
  await makeActor(t.deps, ['HR_SPECIALIST'], { name: '林晓雯', department: '人力资源部', position: '社保专员', identities: { sandbox: 'hr-specialist' } });
  await makeEmployee(t.deps, { name: '陈一鸣', department: '研发部', identities: { sandbox: 'engineer' } });
  await makeEmployee(t.deps, { name: '王小明', department: '研发部', position: '后端工程师', status: 'ONBOARDING', startDate: today });
  // The real path: the service queues the card in the outbox, the workers deliver it to the sandbox.
  workers = await startOutboxWorkers({ boss: await t.boss(), db: t.db, platforms: { sandbox: createSandboxChatPlatform(t.db) }, log });
  expect(await sendOnboardingConfirmations(t.deps, { asOf: today, platforms: ['sandbox'], publicBaseUrl: '' })).toMatchObject({ queued: 1 });
  browser = await prepareBrowser();
});

afterAll(async () => {
  await browser?.close();
  await workers?.stop();
  servers.forEach(closeServer);
});

describe('sandbox chat', () => {
  it('shows the card in HR\'s chat, decides it on a click and shows the decision in place of the buttons', async () => {
    const base = await serve();
    const { page, errors } = await newPage({ width: 390, height: 844 }, true);
    await page.goto(`${base}/sandbox`);
    const lin = page.locator('.van-cell', { hasText: '林晓雯' });
    await expect.poll(() => lin.innerText(), { timeout: 15_000 }).toContain('人事专员');
    await expect.poll(() => lin.locator('.van-badge').innerText(), { timeout: 15_000 }).toBe('1');
    await page.screenshot({ path: `${resultsDir}/sandbox-users.png` });

    await lin.click();
    expect(new URL(page.url()).searchParams.get('user')).toBe('hr-specialist');
    const card = page.locator('.card', { hasText: '新员工到岗确认' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/社保哨兵[\s\S]*王小明 的入职日期已到[\s\S]*部门\s*研发部[\s\S]*第五十八条/);
    await page.screenshot({ path: `${resultsDir}/sandbox-chat-card.png` });

    await card.getByRole('button', { name: '已到岗' }).click();
    const decision = card.locator('.card__decision');
    await decision.waitFor({ timeout: 20_000 });
    expect(await decision.innerText()).toMatch(new RegExp(`已确认到岗 · 林晓雯 · ${today} \\d\\d:\\d\\d`));
    expect(await card.getByRole('button').count()).toBe(0);
    await page.getByText('已确认 王小明 到岗', { exact: false }).waitFor({ timeout: 20_000 });

    await page.getByPlaceholder('发消息给社保哨兵…').fill('收到，谢谢');
    await page.getByRole('button', { name: '发送' }).click();
    await page.locator('.row--mine .bubble', { hasText: '收到，谢谢' }).waitFor();
    await page.screenshot({ path: `${resultsDir}/sandbox-chat.png` });
    expect(errors).toEqual([]);
  });

  it('draws the same chat in the DingTalk look on a desktop, beside the list of people', async () => {
    const base = await serve();
    const { page, errors } = await newPage({ width: 1280, height: 800 }, false);
    await page.goto(`${base}/sandbox?user=hr-specialist`);
    await page.locator('.card__decision').waitFor();
    await page.getByRole('radio', { name: '钉钉样式' }).click();
    await page.locator('.card--dingtalk').waitFor();
    expect(await page.locator('.sandbox__users').isVisible()).toBe(true);
    await page.screenshot({ path: `${resultsDir}/sandbox-chat-dingtalk.png` });
    await page.reload();
    await page.locator('.card--dingtalk').waitFor(); // the look is remembered
    expect(errors).toEqual([]);
  });

  it('says the sandbox is closed once a chat platform is configured', async () => {
    const base = await serve({ DINGTALK_CLIENT_ID: 'ding-test', DINGTALK_CLIENT_SECRET: 'secret-test' });
    const { page, errors } = await newPage({ width: 390, height: 844 }, true);
    await page.goto(`${base}/sandbox`);
    await page.getByText('沙箱聊天已关闭', { exact: false }).waitFor();
    expect(await page.locator('.van-cell').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
