// Diagnostic, not part of `npm run bench`: where a page's first render goes (resource waterfall,
// CDP Performance metrics), with and without CPU throttling.
// `npm run build:h5 && node bench/h5-profile.ts /questions /me`
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/helpers/browser.ts';
import { RECORD_FIRST_TEXT, serveH5 } from './h5-render.ts';

const dist = process.env.H5_DIST ?? fileURLToPath(new URL('../dist/h5', import.meta.url));
const paths = process.argv.length > 2 ? process.argv.slice(2) : ['/questions', '/me', '/privacy'];
const server = await serveH5(dist);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app`;
const browser = await launchChromium();
const METRICS = ['ScriptDuration', 'TaskDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'];
try {
  for (const rate of [1, 4]) {
    for (const path of ['/privacy', ...paths]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.addInitScript(RECORD_FIRST_TEXT);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await cdp.send('Performance.enable');
      await page.goto(`${base}${path}`);
      const first = await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 15_000 }).then((h) => h.jsonValue());
      const { metrics } = await cdp.send('Performance.getMetrics');
      const waterfall = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => `${Math.round(r.startTime)}→${Math.round((r as PerformanceResourceTiming).responseEnd)} ${r.name.replace(/.*\//, '')}`));
      const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return `html ${Math.round(n.responseEnd)} domInteractive ${Math.round(n.domInteractive)} DCL ${Math.round(n.domContentLoadedEventEnd)}`; });
      const m = Object.fromEntries(metrics.filter((x) => METRICS.includes(x.name)).map((x) => [x.name, Math.round(x.value * 1000)]));
      process.stdout.write(`== ${path} ${rate}×: first text ${Math.round(first as number)} ms; ${nav}; ${JSON.stringify(m)}\n   ${waterfall.join('\n   ')}\n`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
