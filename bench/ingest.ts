// `npm run bench`: encrypted WeCom callbacks per second through the full stack beside two
// baselines, all on loopback in one run. Bounded: per scenario a 1 s warm-up, then 5 × 1 s
// measured segments taken in turns with the other scenarios.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BOUNDS, SCENARIOS, type ScenarioName } from './bench-config.ts';
import { deliveryCounts, startBenchDb, waitUntilHandled } from './embedded-db.ts';
import { runSegment, summarize, type Segment } from './load.ts';
import { processCpu } from './process-cpu.ts';
import { benchMeta, report } from './report.ts';
import { repeatingRequests, uniqueRequests } from './requests.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const watchdog = setTimeout(() => {
  process.stderr.write('bench: still running after 180 s, giving up\n');
  process.exit(1);
}, 180_000);

const started = performance.now();
const db = await startBenchDb();
// BENCH_INGEST_PROF=<dir>: a V8 CPU profile of the server process (the receivers), not of the load generator.
const profile = process.env.BENCH_INGEST_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_INGEST_PROF}`] : [];
const server = spawn(process.execPath, [...profile, `${here}server-main.ts`, db.url], { stdio: ['pipe', 'pipe', 'inherit'] });
try {
  const [line] = (await once(createInterface({ input: server.stdout }), 'line')) as [string];
  const ports = JSON.parse(line) as Record<ScenarioName, number>;
  const repeating = repeatingRequests(5000);
  const next: Record<ScenarioName, () => ReturnType<typeof repeating>> = {
    bare: repeating,
    crypto: repeating,
    receiverAlone: repeating,
    full: uniqueRequests(0, BOUNDS.pregenerated),
    fullHandled: uniqueRequests(1e9, BOUNDS.pregenerated),
  };
  const segments: Record<ScenarioName, Segment[]> = { bare: [], crypto: [], receiverAlone: [], full: [], fullHandled: [] };
  let handledExpected = 0;
  const cpuNow = processCpu(server.pid ?? 0, db.url);
  const cpu = Object.fromEntries(SCENARIOS.map(({ name }) => [name, { serverUs: 0, postgresUs: 0, requests: 0 }])) as Record<ScenarioName, { serverUs: number; postgresUs: number; requests: number }>;
  const segment = async (name: ScenarioName, ms: number) => {
    const before = cpuNow();
    const result = await runSegment(ports[name], BOUNDS.concurrency, ms, next[name]);
    if (name === 'fullHandled') {
      // Its listener work runs after the acks; let it finish so it does not slow the next scenario.
      handledExpected += result.latencies.length;
      await waitUntilHandled(db.url, handledExpected);
    }
    const after = cpuNow();
    const c = cpu[name];
    c.serverUs += after.serverUs - before.serverUs;
    c.postgresUs += after.postgresUs - before.postgresUs;
    c.requests += result.latencies.length;
    return result;
  };
  process.stdout.write(`warm-up, then ${BOUNDS.rounds} rounds of ${BOUNDS.segmentMs} ms per scenario at concurrency ${BOUNDS.concurrency}…\n`);
  for (const { name } of SCENARIOS) await segment(name, BOUNDS.warmupMs);
  for (let round = 0; round < BOUNDS.rounds; round++) {
    for (const { name } of SCENARIOS) segments[name].push(await segment(name, BOUNDS.segmentMs));
  }
  const results = Object.fromEntries(SCENARIOS.map(({ name }) => [name, summarize(segments[name])])) as Record<ScenarioName, ReturnType<typeof summarize>>;
  const counts = await deliveryCounts(db.url);
  process.stdout.write(`InboundDelivery: ${counts.total} rows, ${counts.handled} handled (every 200 of the two full-stack scenarios, warm-up included)\n\n`);
  report(results, benchMeta(counts), `${here}results.json`);
  process.stdout.write('CPU per request (context; warm-up included): server / PostgreSQL µs\n');
  for (const { name } of SCENARIOS) {
    const c = cpu[name];
    process.stdout.write(`  ${name.padEnd(14)} ${Math.round(c.serverUs / c.requests)} / ${Math.round(c.postgresUs / c.requests)}\n`);
  }
} finally {
  server.stdin.end();
  await once(server, 'exit');
  await db.stop();
  clearTimeout(watchdog);
  process.stdout.write(`bench finished in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
