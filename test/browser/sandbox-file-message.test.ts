// A file message (an exit notice's PDF) in the sandbox chat in a real Chromium: shown as a file
// with its name, and its link downloads the stored bytes.
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { createBotRouter } from '../../src/bot/bot-router.ts';
import { createSandboxReceiver } from '../../src/receivers/sandbox-receiver.ts';
import { parseEnv } from '../../src/config.ts';
import { sandboxPageRouter } from '../../src/http/sandbox-page.ts';
import { listeners } from '../../src/listeners/index.ts';
import { createLogger } from '../../src/log.ts';
import { loadManifest } from '../../src/manifest.ts';
import { createSandboxChatPlatform } from '../../src/platforms/sandbox/sandbox-chat-platform.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { closeServer, listenOnLoopback, phonePage, prepareBrowser, repoRoot, resultsDir } from '../helpers/h5-browser.ts';
import { createTestDb } from '../helpers/test-db.ts';

const h5Dir = `${repoRoot}/dist/h5`;
const t = await createTestDb();
const log = createLogger('silent');
let browser: Browser;
let server: Server | undefined;
const pdf = Buffer.from('%PDF-1.7\n第一次返岗通知书\n%%EOF');

beforeAll(async () => {
  await makeEmployee(t.deps, { name: '吴十', department: '销售部', identities: { sandbox: 'u-wushi' } });
  const { sha256 } = await t.deps.files.put(pdf);
  await createSandboxChatPlatform(t.db).sendFile(['u-wushi'], { sha256, fileName: '第一次返岗通知书-吴十.pdf', mediaType: 'application/pdf', mediaId: sha256 }, 'exit-notice:b:return_notice_1:file:sandbox');
  browser = await prepareBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) closeServer(server);
});

describe('sandbox file message', () => {
  it('shows the PDF as a file with its name, and the link downloads it', async () => {
    const app = createApp({
      services: t.deps, env: parseEnv({ DATA_DIR: '/tmp/sentinel-test-data' }), adminToken: 'test-admin-token-0123456789abcdef', log,
      manifest: loadManifest(`${repoRoot}/app.json`), h5Dir, readiness: async () => ({ ready: true, database: 'ok', pendingMigrations: [] }),
      sandboxReceiver: createSandboxReceiver({ router: createBotRouter(t.deps, listeners, log), log, now: t.deps.now }), routers: [sandboxPageRouter(h5Dir)],
    });
    const listening = await listenOnLoopback(app);
    server = listening.server;
    const { page, errors } = await phonePage(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await page.goto(`${listening.base}/sandbox?user=u-wushi`);
    const file = page.locator('a.file');
    await file.waitFor({ timeout: 15_000 });
    expect(await file.innerText()).toMatch(/PDF[\s\S]*第一次返岗通知书-吴十\.pdf[\s\S]*点击下载/);
    await page.screenshot({ path: `${resultsDir}/sandbox-file-message.png` });
    const href = await file.getAttribute('href');
    const res = await page.request.get(`${listening.base}${href}`);
    expect(res.status()).toBe(200);
    expect(Buffer.compare(await res.body(), pdf)).toBe(0);
    expect(errors).toEqual([]);
  });
});
