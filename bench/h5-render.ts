// First render of each H5 page in Debian's Chromium with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate), cold cache, from a loopback static server over the built H5.
// The API answers 503 to everything: the session guard then lets the page open (it shows its
// retry state), so what is timed is the page's own code, not a server. "First render" is the
// moment the router outlet (#app) first holds text, taken by a MutationObserver in the page; "page
// content" is when it holds text outside the shell's loading frame ([data-app-shell], src/h5/App.vue).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from '../test/helpers/browser.ts';

export const CPU_THROTTLING = 4;
/** The target per page. */
export const TARGET_FIRST_RENDER_MS = 1500;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

export function serveH5(outDir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/api/')) {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"基准测试中，请稍后重试"}');
      return;
    }
    const file = normalize(join(outDir, path.replace(/^\/app\//, '/')));
    const found = file.startsWith(outDir) && existsSync(file) && statSync(file).isFile() ? file : join(outDir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(found)] ?? 'application/octet-stream' }).end(readFileSync(found));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface PageRender {
  path: string;
  /** null: nothing rendered within the timeout. */
  firstRenderMs: number | null;
  firstContentfulPaintMs: number | null;
  /** When the page itself (not the shell's loading frame, [data-app-shell]) first holds text. */
  pageContentMs: number | null;
}

export const RECORD_FIRST_TEXT = `new MutationObserver((_, observer) => {
  const app = document.getElementById('app');
  if (!app || !app.textContent.trim()) return;
  window.__firstRender ??= performance.now();
  if (app.querySelector('[data-app-shell]')) return;
  window.__pageContent = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true, characterData: true });`;

/** Renders each path (under /app) once, in a fresh context, after one unmeasured warm-up load. */
export async function renderPages(outDir: string, paths: string[]): Promise<PageRender[]> {
  const server = await serveH5(outDir);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`;
  const browser = await launchChromium();
  try {
    const renderOnce = async (path: string): Promise<PageRender> => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(RECORD_FIRST_TEXT);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
        await page.goto(`${base}${path}`);
        const firstRenderMs = await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 10_000 })
          .then((h) => h.jsonValue() as Promise<number>, () => null);
        const pageContentMs = await page.waitForFunction(() => (window as unknown as { __pageContent?: number }).__pageContent, undefined, { timeout: 10_000 })
          .then((h) => h.jsonValue() as Promise<number>, () => null);
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
        const round = (t: number | null) => (t === null ? null : Math.round(t));
        return { path, firstRenderMs: round(firstRenderMs), firstContentfulPaintMs: round(fcp), pageContentMs: round(pageContentMs) };
      } finally {
        await context.close();
      }
    };
    await renderOnce(paths[0] ?? '/home');
    const results: PageRender[] = [];
    for (const path of paths) results.push(await renderOnce(path));
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}
