// First render of each H5 page in Debian's Chromium with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate), cold cache, from a loopback static server over the built H5.
// The API answers 503 to everything: the session guard then lets the page open (it shows its
// retry state), so what is timed is the page's own code, not a server. "First render" is the
// moment the router outlet (#app) first holds text, taken by a MutationObserver in the page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { launchChromium } from '../test/helpers/browser.ts';

export const CPU_THROTTLING = 4;
/** The target per page. */
export const TARGET_FIRST_RENDER_MS = 1500;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };

function serveH5(outDir: string): Promise<Server> {
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
}

const RECORD_FIRST_TEXT = `new MutationObserver((_, observer) => {
  const app = document.getElementById('app');
  if (app && app.textContent.trim()) { window.__firstRender = performance.now(); observer.disconnect(); }
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
        const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
        return { path, firstRenderMs: firstRenderMs === null ? null : Math.round(firstRenderMs), firstContentfulPaintMs: fcp === null ? null : Math.round(fcp) };
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
