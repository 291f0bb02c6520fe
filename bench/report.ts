// The ingest section's table (and its rows for the one table), and helpers shared by the benches.
import { cpus } from 'node:os';
import { BOUNDS, SCENARIOS, type ScenarioName } from './bench-config.ts';
import type { LoadResult } from './load.ts';
import { writeSection } from './table.ts';

/** The targets: up to the ack ≥ 0.8× the crypto-only floor, sustained with the listener's work ≥ 0.5×, p99 < 50 ms. */
export const TARGET_FULL_OVER_CRYPTO = 0.8;
export const TARGET_HANDLED_OVER_CRYPTO = 0.5;
export const TARGET_P99_MS = 50;

export function report(results: Record<ScenarioName, LoadResult>, meta: Record<string, unknown>, file: string): boolean {
  const ratio = (a: ScenarioName, b: ScenarioName) => Math.round((results[a].rps / Math.max(1, results[b].rps)) * 100) / 100;
  const ratios = {
    fullOverCrypto: ratio('full', 'crypto'),
    fullOverBare: ratio('full', 'bare'),
    fullHandledOverCrypto: ratio('fullHandled', 'crypto'),
    cryptoOverBare: ratio('crypto', 'bare'),
    fullOverReceiverAlone: ratio('full', 'receiverAlone'),
  };
  const meets = ratios.fullOverCrypto >= TARGET_FULL_OVER_CRYPTO && ratios.fullHandledOverCrypto >= TARGET_HANDLED_OVER_CRYPTO && results.full.p99Ms < TARGET_P99_MS;
  const rows = SCENARIOS.map(({ name, title }) => {
    const r = results[name];
    return `${title.padEnd(48)} ${String(r.rps).padStart(8)} ${r.p50Ms.toFixed(2).padStart(8)} ${r.p99Ms.toFixed(2).padStart(8)} ${String(r.errors).padStart(7)}`;
  });
  const lines = [
    `${'scenario'.padEnd(48)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)}`,
    ...rows,
    '',
    `full / crypto-only          = ${ratios.fullOverCrypto}   (target ≥ ${TARGET_FULL_OVER_CRYPTO}: ${ratios.fullOverCrypto >= TARGET_FULL_OVER_CRYPTO ? 'met' : 'NOT met'})`,
    `full / bare                 = ${ratios.fullOverBare}`,
    `full+handle / crypto-only   = ${ratios.fullHandledOverCrypto}   (sustained, listener work included; target ≥ ${TARGET_HANDLED_OVER_CRYPTO}: ${ratios.fullHandledOverCrypto >= TARGET_HANDLED_OVER_CRYPTO ? 'met' : 'NOT met'})`,
    `full p99                    = ${results.full.p99Ms} ms   (target < ${TARGET_P99_MS} ms: ${results.full.p99Ms < TARGET_P99_MS ? 'met' : 'NOT met'})`,
    `crypto / bare               = ${ratios.cryptoOverBare}`,
    `full / receiver alone       = ${ratios.fullOverReceiverAlone}   (context: the floor without the app's middleware)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const c = BOUNDS.concurrency;
  const crypto = `${results.crypto.rps} req/s crypto only`;
  const tableRows = [
    { figure: `ingest to the ack, ${c} connections`, value: `${results.full.rps} req/s (p50 ${results.full.p50Ms} ms, p99 ${results.full.p99Ms} ms)`, baseline: crypto, ratio: ratios.fullOverCrypto, target: `≥ ${TARGET_FULL_OVER_CRYPTO}× floor`, met: ratios.fullOverCrypto >= TARGET_FULL_OVER_CRYPTO },
    { figure: `ingest sustained with listener work, ${c} conn.`, value: `${results.fullHandled.rps} req/s (p50 ${results.fullHandled.p50Ms} ms, p99 ${results.fullHandled.p99Ms} ms)`, baseline: crypto, ratio: ratios.fullHandledOverCrypto, target: `≥ ${TARGET_HANDLED_OVER_CRYPTO}× floor`, met: ratios.fullHandledOverCrypto >= TARGET_HANDLED_OVER_CRYPTO },
    { figure: `ingest p99 to the ack, ${c} connections`, value: `${results.full.p99Ms} ms`, baseline: `${results.crypto.p99Ms} ms crypto only, ${results.bare.p99Ms} ms bare Koa`, ratio: null, target: `< ${TARGET_P99_MS} ms`, met: results.full.p99Ms < TARGET_P99_MS },
    { figure: 'ingest crypto-only floor vs bare Koa', value: crypto, baseline: `${results.bare.rps} req/s bare Koa`, ratio: ratios.cryptoOverBare, target: '', met: null },
    { figure: 'ingest to the ack vs the receiver alone', value: `${results.full.rps} req/s`, baseline: `${results.receiverAlone.rps} req/s receiver on bare Koa`, ratio: ratios.fullOverReceiverAlone, target: '', met: null },
  ];
  writeSection(file, 'ingest', { ...meta, targets: { fullOverCrypto: TARGET_FULL_OVER_CRYPTO, fullHandledOverCrypto: TARGET_HANDLED_OVER_CRYPTO, p99Ms: TARGET_P99_MS }, met: meets, ratios, scenarios: results }, tableRows);
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
