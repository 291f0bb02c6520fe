// Evidence append throughput beside its baseline in the same run and database: plain INSERTs into
// "BenchPlainEntry", a copy of "EvidenceEntry" (same columns and indexes, no triggers), with the
// same number of rows per interactive transaction. Three modes, in alternating rounds so drift
// hits both sides alike: one writer and 8 writers each appending single-entry transactions
// (appendEvidence: one commit per entry, context), and 8 writers each appending BATCH entries per
// transaction (appendEvidenceMany: the sweep/pack/import path the ≥ 5,000/s target is about).
import { createHash } from 'node:crypto';
import { appendEvidenceMany, type EvidencePayload } from '../src/services/evidence/append-evidence.ts';
import { ledgerSize } from '../src/services/evidence/ledger-leaves.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { seedPayloads } from './evidence-seed.ts';
import { msSince, round2 } from './report.ts';

const ROUNDS = 2;
/** The target is for 8 concurrent writers. */
export const CONCURRENCY = 8;
/** Entries per transaction in the batched mode. */
export const BATCH = 100;
/** Transactions per side per round, per mode: single entries (300 × 2 rounds), batches of BATCH (40 × 2 rounds = 8,000 entries). */
const MODES = [
  { concurrency: 1, batch: 1, txPerRound: 300 },
  { concurrency: CONCURRENCY, batch: 1, txPerRound: 300 },
  { concurrency: CONCURRENCY, batch: BATCH, txPerRound: 40 },
] as const;
/** Entries appended to the ledger by all modes together (and as many baseline rows). */
export const APPENDS = MODES.reduce((sum, m) => sum + ROUNDS * m.txPerRound * m.batch, 0);

interface Side {
  /** Entries (rows) written. */
  ops: number;
  ms: number;
}

export interface AppendMode {
  concurrency: number;
  /** Entries per transaction. */
  batch: number;
  append: Side & { perSec: number; usPerOp: number };
  plainInsert: Side & { perSec: number; usPerOp: number };
  /** Cost of the appends / cost of as many plain INSERT rows in as many transactions. */
  costRatio: number;
}

export interface AppendResult {
  ledgerBefore: number;
  ledgerAfter: number;
  gapFree: boolean;
  modes: AppendMode[];
}

async function runTransactions(concurrency: number, count: number, op: () => Promise<unknown>): Promise<number> {
  let left = count;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) await op();
  }));
  return msSince(t);
}

/** @example const r = await benchAppends(url, deps, subjectId); r.modes[2].append.perSec // → entries/s, 8 writers in batches */
export async function benchAppends(url: string, deps: ServiceDeps, employeeId: string): Promise<AppendResult> {
  const ledgerBefore = await ledgerSize(deps.db);
  const payloads = await seedPayloads(url, deps, APPENDS, 'append');
  await deps.db.$executeRawUnsafe(`CREATE TABLE "BenchPlainEntry" (LIKE "EvidenceEntry" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
  let [nextPayload, nextPlain] = [0, 0];
  const append = (batch: number) => {
    const inputs = Array.from({ length: batch }, () => {
      const payload = payloads[nextPayload] as EvidencePayload;
      const seed = nextPayload++;
      return { type: payload.kind === 'file' ? 'document' : 'card.sent', subjectType: 'employee', subjectId: employeeId, employeeId, payload, metadata: { seed }, at: deps.now() };
    });
    return deps.db.$transaction((tx) => appendEvidenceMany(tx, inputs));
  };
  // The same columns as an entry, one multi-row INSERT per transaction, no lock, no hashing of payloads.
  const plainInsert = (batch: number) => {
    const rows = Array.from({ length: batch }, () => {
      const index = nextPlain++;
      const hash = createHash('sha256').update(String(index)).digest('hex');
      return { index, hash, ref: JSON.stringify({ kind: 'file', sha256: hash, mediaType: 'application/pdf' }), metadata: JSON.stringify({ seed: index }) };
    });
    return deps.db.$transaction((tx) => tx.$executeRaw`
      INSERT INTO "BenchPlainEntry" (index, type, "subjectType", "subjectId", "employeeId", "payloadHash", "payloadRef", metadata, "leafHash", "createdAt")
      SELECT i, 'document', 'employee', ${employeeId}, ${employeeId}::uuid, h, r, m, h, ${deps.now()}
      FROM unnest(${rows.map((r) => r.index)}::int[], ${rows.map((r) => r.hash)}::text[], ${rows.map((r) => r.ref)}::jsonb[], ${rows.map((r) => r.metadata)}::jsonb[]) AS x(i, h, r, m)`);
  };
  const modes: AppendMode[] = [];
  for (const { concurrency, batch, txPerRound } of MODES) {
    const sides = { append: { ops: 0, ms: 0 }, plainInsert: { ops: 0, ms: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      sides.plainInsert.ms += await runTransactions(concurrency, txPerRound, () => plainInsert(batch));
      sides.append.ms += await runTransactions(concurrency, txPerRound, () => append(batch));
      sides.plainInsert.ops += txPerRound * batch;
      sides.append.ops += txPerRound * batch;
    }
    const rate = (s: Side) => ({ ...s, ms: Math.round(s.ms), perSec: Math.round((s.ops * 1000) / s.ms), usPerOp: Math.round((s.ms * 1000) / s.ops) });
    modes.push({ concurrency, batch, append: rate(sides.append), plainInsert: rate(sides.plainInsert), costRatio: round2(sides.append.ms / sides.plainInsert.ms) });
  }
  const ledgerAfter = await ledgerSize(deps.db);
  const count = await deps.db.evidenceEntry.count();
  return { ledgerBefore, ledgerAfter, gapFree: count === ledgerAfter && ledgerAfter === ledgerBefore + APPENDS, modes };
}
