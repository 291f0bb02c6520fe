// Shared by the load generator (parent) and the servers (child): the WeCom app under test
// and the bounds that keep the ingest section under a minute.
export const BENCH_WECOM = {
  WECOM_TOKEN: 'QDG6eK',
  WECOM_ENCODING_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  WECOM_CORP_ID: 'wx5823bf96d3bd56c7',
};

export const BOUNDS = {
  /** The p99 target is for 50 connections. */
  concurrency: 50,
  warmupMs: 1000,
  /**
   * Each scenario is measured for rounds × segmentMs, the scenarios taking turns. Five short
   * turns rather than three: on a shared machine the load drifts from second to second, and
   * more turns spread that drift over all four scenarios alike.
   */
  rounds: 5,
  segmentMs: 1000,
  /** Requests encrypted before the runs (per database scenario), so the client spends its CPU on sending. */
  pregenerated: 15_000,
};

/**
 * full is the "full stack (verify, decrypt, dedupe insert, ack)": the real app, receiver
 * and BotRouter.accept, with the out-of-band listener work left out. full+handle also runs
 * BotRouter.handle after each ack (no listener registered: it marks the row handled), which
 * shares the CPU and the connection pool with the acks.
 */
export const SCENARIOS = [
  { name: 'bare', title: 'bare Koa endpoint (200)' },
  { name: 'crypto', title: 'crypto only (verify + decrypt + XML parse)' },
  { name: 'receiverAlone', title: 'the same receiver on bare Koa (no app stack)' },
  { name: 'full', title: 'full stack (+ dedupe insert), ack path' },
  { name: 'fullHandled', title: 'full stack + out-of-band handle' },
] as const;

export type ScenarioName = (typeof SCENARIOS)[number]['name'];
