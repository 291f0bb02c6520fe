// `npm run bench`, H5: one production build with a manifest, then each page's initial JS + CSS
// gzipped (bench/h5-bundle.ts) and its first render in Chromium at 4× CPU throttling
// (bench/h5-render.ts). Merges into bench/results.json under `h5`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import manifestJson from '../app.json' with { type: 'json' };
import { bundleRows, buildWithManifest, pageBundles } from './h5-bundle.ts';
import { CPU_THROTTLING, renderPages, TARGET_FIRST_RENDER_MS } from './h5-render.ts';
import { startWatchdog } from './report.ts';
import { ms, writeSection, type BenchRow } from './table.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const stopWatchdog = startWatchdog('h5', 300_000);
const outDir = mkdtempSync(join(tmpdir(), 'sentinel-bench-h5-'));
try {
  process.stdout.write('h5: building with a manifest…\n');
  const bundles = pageBundles(await buildWithManifest(outDir), outDir);
  const paths = manifestJson.h5.pages.map((p) => p.path.replace(/:[a-zA-Z]+/g, 'bench'));
  process.stdout.write(`h5: first render of ${paths.length} pages at ${CPU_THROTTLING}× CPU throttling…\n`);
  const renders = await renderPages(outDir, paths);
  const time = (r: { firstRenderMs: number | null }) => r.firstRenderMs ?? Infinity;
  const slowest = [...renders].sort((a, b) => time(b) - time(a));
  for (const r of slowest) process.stdout.write(`${r.path.padEnd(28)} first render ${r.firstRenderMs ?? 'none within 10 s'} ms (FCP ${r.firstContentfulPaintMs ?? '—'} ms, page content ${r.pageContentMs ?? '—'} ms)\n`);
  const median = slowest[Math.floor(slowest.length / 2)]!;
  const renderRows: BenchRow[] = [
    { figure: `H5 first render, slowest page (${slowest[0]!.path})`, value: slowest[0]!.firstRenderMs === null ? 'nothing within 10 s' : ms(slowest[0]!.firstRenderMs), baseline: '', ratio: null, target: `< ${ms(TARGET_FIRST_RENDER_MS)} at ${CPU_THROTTLING}× CPU`, met: time(slowest[0]!) < TARGET_FIRST_RENDER_MS },
    { figure: `H5 first render, median of ${renders.length} pages`, value: median.firstRenderMs === null ? 'nothing within 10 s' : ms(median.firstRenderMs), baseline: '', ratio: null, target: `< ${ms(TARGET_FIRST_RENDER_MS)} at ${CPU_THROTTLING}× CPU`, met: time(median) < TARGET_FIRST_RENDER_MS },
  ];
  const worst = bundles[0]!;
  const bundleSummary = bundleRows(bundles.slice(0, 3));
  bundleSummary.push({ figure: `H5 initial JS+CSS gzip: all ${bundles.length} pages`, value: `every page ≤ ${(Math.max(...bundles.map((b) => b.jsGzip + b.cssGzip)) / 1024).toFixed(1)} KB (largest ${worst.page})`, baseline: '', ratio: null, target: '≤ 150 KB', met: bundleRows(bundles).every((r) => r.met) });
  writeSection(`${here}results.json`, 'h5', {
    date: new Date().toISOString(),
    bundleMeasure: 'gzip -9 of the entry (index.html) closure + the route chunk closure (static imports and their CSS), from the vite build manifest; deferred = chunks loaded later by import()',
    renderMeasure: `Chromium (/usr/bin/chromium) via playwright-core, ${CPU_THROTTLING}× CPU throttling (CDP Emulation.setCPUThrottlingRate), fresh context per page, loopback static server, API answering 503; first render = #app first holds text (the shell's loading frame counts); pageContentMs = #app holds text outside the shell's [data-app-shell] frame`,
    bundles,
    renders,
  }, [...bundleSummary, ...renderRows]);
} finally {
  rmSync(outDir, { recursive: true, force: true });
  stopWatchdog();
}
