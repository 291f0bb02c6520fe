// `npm run bench`, evidence ledger: per ledger size (10k, 100k entries by default, BENCH_SIZES / BENCH_MAX; 1 in 5 a stored document,
// the rest audit-event rows) a fresh migrated database seeded set-based, then sealTreeHead over
// all of it, one more appendEvidence and the re-seal it needs, verifyLedger, and buildEvidencePack
// for one employee with 20 entries spread over the ledger. On the 10k ledger afterwards,
// append throughput (single entries and batches) against plain INSERTs into a copy of the table (bench/evidence-appends.ts).
// Reports the scaling of each measure between the two largest sizes and merges into bench/results.json under `evidenceLedger`.
import { fileURLToPath } from 'node:url';
import { adminActor } from '../src/domain/actor.ts';
import { inclusionProofs } from '../src/domain/evidence/merkle-levels.ts';
import { migrationsDir } from '../src/runtime.ts';
import { appendEvidence } from '../src/services/evidence/append-evidence.ts';
import { buildEvidencePack } from '../src/services/evidence/build-evidence-pack.ts';
import { sealTreeHead } from '../src/services/evidence/seal-tree-head.ts';
import { leafHashesUpTo } from '../src/services/evidence/signed-heads.ts';
import { verifyLedger } from '../src/services/evidence/verify-ledger.ts';
import { startScratchPostgres } from '../test/helpers/scratch-postgres.ts';
import { openBenchDeps } from './bench-deps.ts';
import { benchAppends, type AppendResult } from './evidence-appends.ts';
import { reportEvidenceLedger, type LedgerSizeResult } from './evidence-report.ts';
import { seedLedger, seedPayloads, SUBJECT_ENTRIES } from './evidence-seed.ts';
import { msSince as ms, startWatchdog } from './report.ts';
import { benchSizes } from './sizes.ts';
import { createSweepDatabase } from './sweep-seed.ts';
import { benchPostgresFlags } from './postgres-flags.ts';

const SIZES = benchSizes([10_000, 100_000]);
/** Run first and not reported, so the 1k run does not pay the process's cold start. */
const WARM_UP_SIZE = 200;
const PACK_RUNS = 3;
const WATCHDOG_MS = 20 * 60_000;

const here = fileURLToPath(new URL('.', import.meta.url));
const stopWatchdog = startWatchdog('evidence ledger', WATCHDOG_MS);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function benchSize(adminUrl: string, n: number, withAppends: boolean): Promise<{ size: LedgerSizeResult; appends?: AppendResult }> {
  const url = await createSweepDatabase(adminUrl, n, 'ledger');
  const { deps, close } = await openBenchDeps(url, new Date('2026-12-14T01:00:00Z'));
  try {
    let t = performance.now();
    const seeded = await seedLedger(url, deps, n);
    const seedMs = ms(t);
    t = performance.now();
    const sealed = await sealTreeHead(deps);
    const sealMs = ms(t);
    if (!sealed.created || sealed.size !== n) throw new Error(`sealTreeHead covered ${sealed.size} of ${n} entries`);
    // The production pattern: a service appends one entry, then seals a head over the whole ledger.
    const [extra] = await seedPayloads(url, deps, 1, `extra${n}`);
    t = performance.now();
    await deps.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: 'extra', payload: extra!, metadata: {}, at: deps.now() }));
    const appendOneMs = ms(t);
    t = performance.now();
    await sealTreeHead(deps);
    const resealMs = ms(t);
    t = performance.now();
    const verified = await verifyLedger(deps);
    const verifyMs = ms(t);
    if (!verified.ok || verified.entries !== n + 1) throw new Error(`verifyLedger: ${JSON.stringify(verified)}`);
    // Baseline for verification: the same rows read with one plain SQL statement, nothing hashed.
    t = performance.now();
    await deps.db.$queryRaw`SELECT "index", "type", "subjectType", "subjectId", "employeeId"::text, "payloadHash", "payloadRef", "metadata", "leafHash", "createdAt" FROM "EvidenceEntry" ORDER BY "index"`;
    const readBaselineMs = ms(t);
    const packMs: number[] = [];
    let packEntries = 0;
    let packBytes = 0;
    for (let run = 0; run < PACK_RUNS; run++) {
      t = performance.now();
      const pack = await buildEvidencePack(deps, { scope: { kind: 'employee', employeeId: seeded.subjectId }, actor: adminActor() });
      packMs.push(ms(t));
      [packEntries, packBytes] = [pack.entries, pack.zip.length];
    }
    if (packEntries !== SUBJECT_ENTRIES) throw new Error(`the pack holds ${packEntries} entries, expected ${SUBJECT_ENTRIES}`);
    // The pack's two ledger-wide steps, timed alone: reading every leaf hash, and the audit paths.
    t = performance.now();
    const leaves = await leafHashesUpTo(deps, n + 1);
    const leafReadMs = ms(t);
    t = performance.now();
    inclusionProofs(leaves, seeded.subjectIndexes);
    const proofsMs = ms(t);
    const size: LedgerSizeResult = {
      entries: n, fileEntries: seeded.fileEntries, seedMs, sealMs, appendOneMs, resealMs, verifyMs, readBaselineMs,
      verifyUsPerEntry: Math.round((verifyMs * 1000) / (n + 1)), packMs: median(packMs), packRunsMs: packMs, packEntries, packBytes, leafReadMs, proofsMs,
    };
    return { size, ...(withAppends && { appends: await benchAppends(url, deps, seeded.subjectId) }) };
  } finally {
    await close();
  }
}

const started = performance.now();
const pgCluster = await startScratchPostgres({ database: 'sentinel_evidence_bench', migrationsDir, postgresFlags: benchPostgresFlags() });
try {
  process.stdout.write(`evidence ledger: warm-up on ${WARM_UP_SIZE} entries…\n`);
  await benchSize(pgCluster.adminUrl, WARM_UP_SIZE, false);
  const sizes: LedgerSizeResult[] = [];
  let appends: AppendResult | undefined;
  for (const n of SIZES) {
    const last = n === SIZES[SIZES.length - 1];
    process.stdout.write(`evidence ledger: seeding ${n} entries; seal, verify, pack${last ? ', then appends' : ''}…\n`);
    const result = await benchSize(pgCluster.adminUrl, n, last);
    sizes.push(result.size);
    appends = result.appends ?? appends;
  }
  if (!reportEvidenceLedger(sizes, appends!, `${here}results.json`)) process.exitCode = 1;
} finally {
  await pgCluster.stop();
  stopWatchdog();
  process.stdout.write(`evidence ledger bench finished in ${Math.round((performance.now() - started) / 1000)} s\n`);
}
