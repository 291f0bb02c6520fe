// appendEvidence throughput beside its baseline in the same run and database: a plain one-row
// INSERT into "BenchPlainEntry", a copy of "EvidenceEntry" (same columns and indexes, no
// triggers), each in its own interactive transaction as appendEvidence's callers run it.
// Sequential and 8-way concurrent, taken in alternating rounds so drift hits both sides alike.
import { createHash } from 'node:crypto';
import { appendEvidence, type EvidencePayload } from '../src/services/evidence/append-evidence.ts';
import { ledgerSize } from '../src/services/evidence/ledger-leaves.ts';
import type { ServiceDeps } from '../src/services/deps.ts';
import { seedPayloads } from './evidence-seed.ts';
import { msSince, round2 } from './report.ts';

/** Appends measured in total (and as many baseline inserts): ROUNDS × 2 modes × PER_ROUND. */
export const APPENDS = 1200;
const ROUNDS = 2;
const PER_ROUND = APPENDS / ROUNDS / 2;
/** The target is for 8 concurrent writers. */
export const CONCURRENCY = 8;

interface Side {
  ops: number;
  ms: number;
}

export interface AppendMode {
  concurrency: number;
  append: Side & { perSec: number; usPerOp: number };
  plainInsert: Side & { perSec: number; usPerOp: number };
  /** Cost of one appendEvidence transaction / cost of one plain INSERT transaction. */
  costRatio: number;
}

export interface AppendResult {
  ledgerBefore: number;
  ledgerAfter: number;
  gapFree: boolean;
  modes: AppendMode[];
}

async function runOps(concurrency: number, count: number, op: () => Promise<unknown>): Promise<number> {
  let left = count;
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (left-- > 0) await op();
  }));
  return msSince(t);
}

/** @example const r = await benchAppends(url, deps, subjectId); r.modes[0].costRatio // → ~2 */
export async function benchAppends(url: string, deps: ServiceDeps, employeeId: string): Promise<AppendResult> {
  const ledgerBefore = await ledgerSize(deps.db);
  const payloads = await seedPayloads(url, deps, APPENDS, 'append');
  await deps.db.$executeRawUnsafe(`CREATE TABLE "BenchPlainEntry" (LIKE "EvidenceEntry" INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
  let [nextPayload, nextPlain] = [0, 0];
  const append = () => {
    const payload = payloads[nextPayload] as EvidencePayload;
    const seed = nextPayload++;
    return deps.db.$transaction((tx) =>
      appendEvidence(tx, { type: payload.kind === 'file' ? 'document' : 'card.sent', subjectType: 'employee', subjectId: employeeId, employeeId, payload, metadata: { seed }, at: deps.now() }));
  };
  const plainInsert = () => {
    const index = nextPlain++;
    const hash = createHash('sha256').update(String(index)).digest('hex');
    const ref = JSON.stringify({ kind: 'file', sha256: hash, mediaType: 'application/pdf' });
    return deps.db.$transaction((tx) => tx.$executeRaw`
      INSERT INTO "BenchPlainEntry" (index, type, "subjectType", "subjectId", "employeeId", "payloadHash", "payloadRef", metadata, "leafHash", "createdAt")
      VALUES (${index}, 'document', 'employee', ${employeeId}, ${employeeId}::uuid, ${hash}, ${ref}::jsonb, ${JSON.stringify({ seed: index })}::jsonb, ${hash}, ${deps.now()})`);
  };
  const modes: AppendMode[] = [];
  for (const concurrency of [1, CONCURRENCY]) {
    const sides = { append: { ops: 0, ms: 0 }, plainInsert: { ops: 0, ms: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      sides.plainInsert.ms += await runOps(concurrency, PER_ROUND, plainInsert);
      sides.append.ms += await runOps(concurrency, PER_ROUND, append);
      sides.plainInsert.ops += PER_ROUND;
      sides.append.ops += PER_ROUND;
    }
    const rate = (s: Side) => ({ ...s, ms: Math.round(s.ms), perSec: Math.round((s.ops * 1000) / s.ms), usPerOp: Math.round((s.ms * 1000) / s.ops) });
    modes.push({ concurrency, append: rate(sides.append), plainInsert: rate(sides.plainInsert), costRatio: round2(sides.append.ms / sides.plainInsert.ms) });
  }
  const ledgerAfter = await ledgerSize(deps.db);
  const count = await deps.db.evidenceEntry.count();
  return { ledgerBefore, ledgerAfter, gapFree: count === ledgerAfter && ledgerAfter === ledgerBefore + APPENDS, modes };
}
