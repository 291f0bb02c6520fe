// Prints the evidence ledger bench's tables and merges them into bench/results.json.
import type { AppendMode, AppendResult } from './evidence-appends.ts';
import { FILE_EVERY, SUBJECT_ENTRIES } from './evidence-seed.ts';
import { round2 } from './report.ts';
import { sizeLabel } from './sizes.ts';
import { ms, perSec, writeSection, type BenchRow } from './table.ts';

/** The issue's targets: 8 concurrent writers append ≥ 5,000/s; verifying 1M entries takes < 60 s. */
const TARGET_APPENDS_PER_SEC = 5000;
const TARGET_VERIFY_US_PER_ENTRY = 60;

export interface LedgerSizeResult {
  entries: number;
  fileEntries: number;
  seedMs: number;
  /** First head over the seeded ledger. */
  sealMs: number;
  appendOneMs: number;
  /** The head after one more entry: sealTreeHead recomputes the root from every leaf. */
  resealMs: number;
  verifyMs: number;
  /** Baseline: the same rows read with one plain SELECT, nothing hashed. */
  readBaselineMs: number;
  verifyUsPerEntry: number;
  /** Median of the runs. */
  packMs: number;
  packRunsMs: number[];
  packEntries: number;
  packBytes: number;
  /** Inside the pack: leafHashesUpTo over the whole ledger… */
  leafReadMs: number;
  /** …and inclusionProofs for the subject's entries over those leaves (levels built once). */
  proofsMs: number;
}

/** Seal and verify: linear (with 20 % slack) in the entries; the pack of one employee should stay near 1. */
const TARGETS = { slackOverLinear: 1.2, packMax: 2 };

export function reportEvidenceLedger(sizes: LedgerSizeResult[], appends: AppendResult, file: string): boolean {
  // One size (BENCH_SIZES=100000) has no scaling: it is compared with itself (ratios 1, no scaling row).
  const [small, large] = (sizes.length > 1 ? sizes.slice(-2) : [sizes[0], sizes[0]]) as [LedgerSizeResult, LedgerSizeResult];
  const ratio = (key: keyof LedgerSizeResult) => round2((large[key] as number) / Math.max(0.1, small[key] as number));
  const ratios = {
    entries: large.entries / small.entries,
    seal: ratio('sealMs'), reseal: ratio('resealMs'), verify: ratio('verifyMs'), pack: ratio('packMs'), leafRead: ratio('leafReadMs'), proofs: ratio('proofsMs'),
  };
  const linear = 1.2 * ratios.entries;
  const met = { seal: ratios.seal <= linear, verify: ratios.verify <= linear, pack: ratios.pack <= TARGETS.packMax };
  const col = (s: string | number, w: number) => String(s).padStart(w);
  const lines = [
    `${'entries'.padEnd(8)} ${col('seed ms', 8)} ${col('seal ms', 8)} ${col('+1 ms', 6)} ${col('reseal', 7)} ${col('verify ms', 10)} ${col('µs/entry', 9)} ${col('read ms', 8)} ${col('pack ms', 8)} ${col('leaves', 7)} ${col('proofs', 7)} ${col('pack KB', 8)}`,
    ...sizes.map((r) => `${String(r.entries).padEnd(8)} ${col(r.seedMs, 8)} ${col(r.sealMs, 8)} ${col(r.appendOneMs, 6)} ${col(r.resealMs, 7)} ${col(r.verifyMs, 10)} ${col(r.verifyUsPerEntry, 9)} ${col(r.readBaselineMs, 8)} ${col(r.packMs, 8)} ${col(r.leafReadMs, 7)} ${col(r.proofsMs, 7)} ${col(Math.round(r.packBytes / 1024), 8)}`),
    '',
    `seal:   time(large) / time(small) = ${ratios.seal}   (re-seal after one more entry: ${ratios.reseal}; linear is ${ratios.entries}: ${met.seal ? 'met' : 'NOT met'})`,
    `verify: time(large) / time(small) = ${ratios.verify}   (linear is ${ratios.entries}: ${met.verify ? 'met' : 'NOT met'})`,
    `pack of one employee (${SUBJECT_ENTRIES} entries): time(large) / time(small) = ${ratios.pack}   (target ≤ ${TARGETS.packMax}, ~flat: ${met.pack ? 'met' : 'NOT met'}; ` +
      `inside it, reading every leaf hash ${ratios.leafRead}×, the ${SUBJECT_ENTRIES} audit paths ${ratios.proofs}×)`,
    '',
    `${'appends vs plain INSERT'.padEnd(40)} ${col('entries/s', 10)} ${col('µs/entry', 10)} ${col('rows/s', 10)} ${col('µs/row', 10)} ${col('cost ratio', 11)}`,
    ...appends.modes.map((m) => `${`  ${modeLabel(m)} (${m.append.ops})`.padEnd(40)} ${col(m.append.perSec, 10)} ${col(m.append.usPerOp, 10)} ${col(m.plainInsert.perSec, 10)} ${col(m.plainInsert.usPerOp, 10)} ${col(m.costRatio, 11)}`),
    `  ledger ${appends.ledgerBefore} → ${appends.ledgerAfter} entries, indexes gap-free: ${appends.gapFree ? 'yes' : 'NO'}`,
  ];
  process.stdout.write(`\nevidence ledger (1 in ${FILE_EVERY} entries a stored 8 KB document, the rest audit-event rows)\n${lines.join('\n')}\n`);
  writeSection(file, 'evidenceLedger', {
    date: new Date().toISOString(),
    database: 'embedded PostgreSQL 15 with default durability, one fresh migrated database per size (after an unreported warm-up on 200 entries); Prisma pool of 10',
    ledger: `set-based seed; 1 in ${FILE_EVERY} entries cites a distinct 8 KB document in the local file store, the rest an AuditEvent row; ${SUBJECT_ENTRIES} entries of one employee spread evenly, the rest over n / 20 others`,
    measures: {
      seal: 'sealTreeHead over the seeded ledger (first head)',
      reseal: 'sealTreeHead after one more appendEvidence',
      verify: 'verifyLedger: every payload re-hashed, every leaf and head re-checked',
      readBaseline: 'the same EvidenceEntry rows read with one plain SELECT, nothing hashed (the verify baseline)',
      pack: `buildEvidencePack for the employee with ${SUBJECT_ENTRIES} entries (median of 3)`,
      leafRead: 'leafHashesUpTo(whole ledger), as the pack does', proofs: `inclusionProofs for the ${SUBJECT_ENTRIES} entries (tree levels built once), as the pack does`,
      appends: 'appendEvidence (one entry per interactive transaction) with 1 and 8 writers, and appendEvidenceMany (BATCH entries per transaction) with 8 writers, each vs plain INSERTs of as many rows per transaction into a copy of EvidenceEntry, alternating rounds',
    },
    targets: TARGETS,
    met,
    ratios,
    sizes,
    appends,
  }, evidenceRows(sizes, appends, ratios.verify));
  return met.seal && met.verify && appends.gapFree;
}

/** The target is for 8 writers appending in batches; single-entry transactions are context (one commit each). */
const isTargetMode = (m: AppendMode) => m.concurrency >= 8 && m.batch > 1;
const modeLabel = (m: AppendMode) => `${m.concurrency} writer${m.concurrency > 1 ? 's' : ''}, ${m.batch > 1 ? `batches of ${m.batch}` : 'single entries'}`;

function evidenceRows(sizes: LedgerSizeResult[], appends: AppendResult, verifyRatio: number): BenchRow[] {
  const rows: BenchRow[] = appends.modes.map((m) => ({
    figure: `evidence appends, ${modeLabel(m)}`,
    value: `${perSec(m.append.perSec)} (${m.append.usPerOp} µs each; gap-free: ${appends.gapFree ? 'yes' : 'NO'})`,
    baseline: `${perSec(m.plainInsert.perSec)} plain INSERT${m.batch > 1 ? ` ×${m.batch}` : ''}`,
    ratio: round2(m.append.perSec / Math.max(1, m.plainInsert.perSec)),
    target: isTargetMode(m) ? `≥ ${perSec(TARGET_APPENDS_PER_SEC)}` : '',
    met: isTargetMode(m) ? m.append.perSec >= TARGET_APPENDS_PER_SEC && appends.gapFree : null,
  }));
  // The target is for 1M entries: judged at the largest size measured (extrapolated by its rate
  // below 1M); smaller sizes, where the fixed costs weigh more per entry, are context.
  const largest = Math.max(...sizes.map((r) => r.entries));
  for (const r of sizes) {
    const judged = r.entries === largest;
    rows.push({
      figure: `evidence full verification ${sizeLabel(r.entries)}`,
      value: `${ms(r.verifyMs)} (${r.verifyUsPerEntry} µs/entry; 1M at this rate ≈ ${ms(r.verifyUsPerEntry * 1000)})`,
      baseline: `${ms(r.readBaselineMs)} plain SELECT of the rows`, ratio: round2(r.verifyMs / Math.max(1, r.readBaselineMs)),
      target: !judged ? 'context (judged at the largest size)' : r.entries >= 1e6 ? '< 60 s' : `1M < 60 s (≤ ${TARGET_VERIFY_US_PER_ENTRY} µs/entry)`,
      met: judged ? r.verifyUsPerEntry <= TARGET_VERIFY_US_PER_ENTRY : null,
    });
  }
  if (sizes.length < 2) return rows;
  const [small, large] = sizes.slice(-2) as [LedgerSizeResult, LedgerSizeResult];
  const limit = round2((1.2 * large.entries) / small.entries);
  rows.push({ figure: `evidence verify time(${sizeLabel(large.entries)}) / time(${sizeLabel(small.entries)})`, value: `${ms(large.verifyMs)} / ${ms(small.verifyMs)}`, baseline: '', ratio: verifyRatio, target: `≤ ${limit}`, met: verifyRatio <= limit });
  return rows;
}
