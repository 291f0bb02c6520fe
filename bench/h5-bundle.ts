// `npm run bench`, H5 bundle: builds the H5 with a manifest into a temp directory and sums, per
// page, the gzipped bytes of what the browser must load before the page can render: the entry
// (index.html's chunk, its static imports and CSS) plus the page's route chunk with its static
// imports and CSS. Chunks loaded later by import() (the dashboard's charts) are listed apart.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { writeSection, kb, type BenchRow } from './table.ts';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The issue's target per page: initial JS + CSS ≤ 150 KB gzipped. */
export const TARGET_PAGE_GZIP = 150 * 1024;

const here = fileURLToPath(new URL('.', import.meta.url));

export async function buildWithManifest(outDir: string): Promise<Manifest> {
  await build({ configFile: `${here}../src/h5/vite.config.ts`, logLevel: 'error', build: { outDir, manifest: true, emptyOutDir: true } });
  return JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
}

/** Manifest keys of `key` and everything it imports statically. */
function closureKeys(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (!manifest[key] || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) closureKeys(manifest, imported, seen);
  return seen;
}

const filesOf = (manifest: Manifest, keys: Iterable<string>) => new Set([...keys].flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]));

export interface PageBundle {
  page: string;
  jsGzip: number;
  cssGzip: number;
  /** Raw (minified) bytes of the same files. */
  raw: number;
  /** Gzipped bytes of chunks the page loads later through import(). */
  deferredGzip: number;
}

export function pageBundles(manifest: Manifest, outDir: string): PageBundle[] {
  const gz = new Map<string, number>();
  const gzip = (file: string) => gz.get(file) ?? gz.set(file, gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length).get(file)!;
  const raw = (file: string) => readFileSync(join(outDir, file)).length;
  const entry = closureKeys(manifest, 'index.html');
  const measure = (page: string, keys: Set<string>): PageBundle => {
    const files = filesOf(manifest, keys);
    const deferredKeys = [...keys].flatMap((k) => manifest[k]!.dynamicImports ?? []).reduce((all, d) => closureKeys(manifest, d, all), new Set<string>());
    // Route chunks are the router's dynamic imports, not this page's deferred weight.
    const later = [...filesOf(manifest, [...deferredKeys].filter((k) => !k.startsWith('pages/') && !keys.has(k)))].filter((f) => !files.has(f));
    const list = [...files];
    const sum = (f: (x: string) => number, pick: (x: string) => boolean) => list.filter(pick).reduce((s, x) => s + f(x), 0);
    return { page, jsGzip: sum(gzip, (f) => f.endsWith('.js')), cssGzip: sum(gzip, (f) => f.endsWith('.css')), raw: sum(raw, () => true), deferredGzip: later.reduce((s, f) => s + gzip(f), 0) };
  };
  const pages = Object.keys(manifest).filter((key) => manifest[key]!.isDynamicEntry && key.startsWith('pages/'));
  const bundles = pages.map((key) => measure(key.replace(/^pages\/|\.vue$/g, ''), closureKeys(manifest, key, new Set(entry))));
  return [...bundles, measure('sandbox (chat stand-in)', closureKeys(manifest, 'sandbox.html'))].sort((a, b) => b.jsGzip + b.cssGzip - (a.jsGzip + a.cssGzip));
}

export function bundleRows(bundles: PageBundle[]): BenchRow[] {
  return bundles.map((b) => ({
    figure: `H5 initial JS+CSS gzip: ${b.page}`,
    value: `${kb(b.jsGzip + b.cssGzip)} (JS ${kb(b.jsGzip)}, CSS ${kb(b.cssGzip)}; ${kb(b.raw)} min.${b.deferredGzip ? `; +${kb(b.deferredGzip)} deferred` : ''})`,
    baseline: '',
    ratio: null,
    target: '≤ 150 KB',
    met: b.jsGzip + b.cssGzip <= TARGET_PAGE_GZIP,
  }));
}

if (import.meta.main) {
  const outDir = mkdtempSync(join(tmpdir(), 'sentinel-bench-h5-'));
  const manifest = await buildWithManifest(outDir);
  const bundles = pageBundles(manifest, outDir);
  for (const b of bundles) process.stdout.write(`${b.page.padEnd(28)} JS ${kb(b.jsGzip).padStart(9)}  CSS ${kb(b.cssGzip).padStart(8)}  deferred ${kb(b.deferredGzip)}\n`);
  writeSection(`${here}results.json`, 'h5Bundle', { date: new Date().toISOString(), outDir, measure: 'gzip -9 of the entry closure + the route chunk closure (static imports, CSS) from the vite manifest', bundles }, bundleRows(bundles));
}
