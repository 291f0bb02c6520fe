// What every browser test boots: the built H5 (rebuilt when its sources changed), the real app
// on a loopback port, a headless Chromium, and phone-sized pages signed in through dev login.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildH5IfStale } from '../../scripts/build-h5-if-stale.ts';
import { launchChromium } from './browser.ts';
import { createTestApp } from './test-app.ts';
import type { TestDb } from './test-db.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Where tests leave screenshots (CI keeps it as an artifact). */
export const resultsDir = `${repoRoot}/test-results`;

/** Builds dist/h5 when stale, makes test-results/ and launches Chromium. */
export async function prepareBrowser(): Promise<Browser> {
  await buildH5IfStale({ root: repoRoot, log: () => {} });
  mkdirSync(resultsDir, { recursive: true });
  return launchChromium();
}

/** Serves `app` on 127.0.0.1 (`port` 0: any free one) and returns the server and its base URL. */
export async function listenOnLoopback(app: { listen: (port: number, host: string) => Server }, port = 0): Promise<{ server: Server; base: string }> {
  const server = app.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function closeServer(server: Server | undefined): void {
  server?.closeAllConnections();
  server?.close();
}

/**
 * A phone-sized zh-CN page in Asia/Shanghai that collects uncaught script errors; signed in as
 * `employeeId` through dev login when given. `options` adds to or overrides the context options.
 */
export async function phonePage(browser: Browser, options: { base?: string; employeeId?: string } & BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const { base, employeeId, ...context } = options;
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...context });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (employeeId) expect((await page.request.post(`${base}/api/v1/h5/dev-login`, { data: { employeeId } })).status()).toBe(200);
  return { page, errors };
}

export interface H5Browser {
  browser: Browser;
  server: Server;
  base: string;
  /** `phonePage` against this server. */
  phone(employeeId?: string, options?: BrowserContextOptions): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * The usual boot: createTestApp(t, env, extra) on a loopback port, plus Chromium.
 * @example
 * let h5: H5Browser;
 * beforeAll(async () => { h5 = await startH5Browser(t); });
 * afterAll(() => h5?.close());
 * const { page, errors } = await h5.phone(employeeId);
 */
export async function startH5Browser(t: TestDb, options: { env?: Record<string, string>; extra?: Parameters<typeof createTestApp>[2]; port?: number } = {}): Promise<H5Browser> {
  const browser = await prepareBrowser();
  const { app } = createTestApp(t, options.env, options.extra);
  const { server, base } = await listenOnLoopback(app, options.port);
  return {
    browser,
    server,
    base,
    phone: (employeeId, context = {}) => phonePage(browser, { base, employeeId, ...context }),
    close: async () => {
      await browser.close();
      closeServer(server);
    },
  };
}

/** Draws three strokes on the signature pad (data-testid="signature-canvas") with the mouse. */
export async function drawSignature(page: Page): Promise<void> {
  const box = await page.getByTestId('signature-canvas').boundingBox();
  if (!box) throw new Error('signature canvas not visible');
  const strokes = [[[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.4, 0.35]], [[0.45, 0.3], [0.5, 0.8]], [[0.6, 0.5], [0.7, 0.3], [0.8, 0.65], [0.9, 0.4]]];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke.map(([x = 0, y = 0]) => [box.x + x * box.width, box.y + y * box.height] as const);
    if (!first) continue;
    await page.mouse.move(first[0], first[1]);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(x, y, { steps: 8 });
    await page.mouse.up();
  }
}
