// Prints the table and writes bench/results.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { BOUNDS, SCENARIOS, type ScenarioName } from './bench-config.ts';
import type { LoadResult } from './load.ts';

/** The target: recording each delivery durably costs at most half the crypto-only rate. */
export const TARGET_FULL_OVER_CRYPTO = 0.5;

export function report(results: Record<ScenarioName, LoadResult>, meta: Record<string, unknown>, file: string): boolean {
  const ratio = (a: ScenarioName, b: ScenarioName) => Math.round((results[a].rps / Math.max(1, results[b].rps)) * 100) / 100;
  const ratios = {
    fullOverCrypto: ratio('full', 'crypto'),
    fullOverBare: ratio('full', 'bare'),
    fullHandledOverCrypto: ratio('fullHandled', 'crypto'),
    cryptoOverBare: ratio('crypto', 'bare'),
  };
  const meets = ratios.fullOverCrypto >= TARGET_FULL_OVER_CRYPTO;
  const rows = SCENARIOS.map(({ name, title }) => {
    const r = results[name];
    return `${title.padEnd(48)} ${String(r.rps).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}`;
  });
  const lines = [
    `${'scenario'.padEnd(48)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`,
    ...rows,
    '',
    `full / crypto-only          = ${ratios.fullOverCrypto}   (target ≥ ${TARGET_FULL_OVER_CRYPTO}: ${meets ? 'met' : 'NOT met'})`,
    `full / bare                 = ${ratios.fullOverBare}`,
    `full+handle / crypto-only   = ${ratios.fullHandledOverCrypto}   (sustained, listener work included)`,
    `crypto / bare               = ${ratios.cryptoOverBare}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const out = { ...meta, target: { fullOverCrypto: TARGET_FULL_OVER_CRYPTO, met: meets }, ratios, scenarios: results };
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  return meets;
}

export function benchMeta(deliveries: { total: number; handled: number }) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    loadGenerator: 'node:http closed loop, keep-alive, separate process from the servers (bench/load.ts)',
    bounds: BOUNDS,
    database: 'embedded PostgreSQL 15 with default durability (fsync, synchronous_commit on); Prisma pool of 10',
    inboundDeliveries: deliveries,
  };
}

/** Merges one bench's section into results.json under `key`, keeping the other benches' sections. */
export function mergeResults(file: string, key: string, section: unknown): void {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...existing, [key]: section }, null, 2)}\n`);
}

/** Ends the process when a bench overruns its bound; call the returned function when done. */
export function startWatchdog(name: string, ms: number): () => void {
  const timer = setTimeout(() => {
    process.stderr.write(`bench: ${name} still running after ${ms / 1000} s, giving up\n`);
    process.exit(1);
  }, ms);
  return () => clearTimeout(timer);
}

/** Milliseconds since `from` (a performance.now() reading), to 0.1 ms. */
export const msSince = (from: number) => Math.round((performance.now() - from) * 10) / 10;

export const round2 = (x: number) => Math.round(x * 100) / 100;
