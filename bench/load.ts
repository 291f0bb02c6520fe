// A closed-loop load generator on Node's http client: `concurrency` workers, each sending its
// next request as soon as the previous answer arrives, over keep-alive sockets. A run is cut
// into segments so scenarios can be interleaved: drift on a shared machine then hits all
// scenarios alike instead of whichever ran during a noisy second.
import { Agent, request } from 'node:http';
import type { BenchRequest } from './requests.ts';

export interface Segment {
  latencies: number[];
  errors: number;
  ms: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/** Sends for `ms`; `next()` gives each request (unique per scenario, so MsgIds never repeat). */
export async function runSegment(port: number, concurrency: number, ms: number, next: () => BenchRequest): Promise<Segment> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const segment: Segment = { latencies: [], errors: 0, ms };
  const end = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      if (await send(agent, port, next())) segment.latencies.push(performance.now() - t0);
      else segment.errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return segment;
}

export function summarize(segments: Segment[]): LoadResult {
  const latencies = segments.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = segments.reduce((sum, s) => sum + s.ms, 0) / 1000;
  const pick = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    errors: segments.reduce((sum, s) => sum + s.errors, 0),
    rps: Math.round(latencies.length / seconds),
    p50Ms: pick(0.5),
    p99Ms: pick(0.99),
  };
}

/** True for a 200; anything else (or a socket error) counts as an error. */
function send(agent: Agent, port: number, r: BenchRequest): Promise<boolean> {
  return new Promise((resolve) => {
    const headers = { 'content-type': 'text/xml', 'content-length': r.body.length };
    const req = request({ agent, host: '127.0.0.1', port, method: 'POST', path: r.path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.end(r.body);
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;
