// Table rows of one daily job: per size the job against its plain-SQL baseline (target ≤ 5×),
// and the scaling ratio from each size to the next (target ≤ 1.2 × the size ratio, i.e. ≤ 12 for
// 100k → 1M: linear with 20 % slack) with the baseline's own ratio beside it for context, plus the
// issue's context goal of 100k in under 5 s.
import { sizeLabel } from './sizes.ts';
import { ms, type BenchRow } from './table.ts';
import { round2 } from './report.ts';

export const TARGET_OVER_BASELINE = 5;
const SCALING_SLACK = 1.2;
const CONTEXT_100K_MS = 5000;

export interface SweepSize {
  employees: number;
  jobMs: number;
  baselineMs: number;
  /** What the run did, e.g. "1,500 alerts, 1,500 cards". */
  note: string;
}

export function sweepRows(job: string, sizes: SweepSize[], baselineName: string): BenchRow[] {
  const rows: BenchRow[] = sizes.map((s) => ({
    figure: `${job} ${sizeLabel(s.employees)}`,
    value: `${ms(s.jobMs)} (${s.note})`,
    baseline: `${ms(s.baselineMs)} ${baselineName}`,
    ratio: round2(s.jobMs / Math.max(0.1, s.baselineMs)),
    target: `≤ ${TARGET_OVER_BASELINE}× baseline`,
    met: s.jobMs <= TARGET_OVER_BASELINE * Math.max(0.1, s.baselineMs),
  }));
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    const limit = round2((SCALING_SLACK * b.employees) / a.employees);
    const ratio = round2(b.jobMs / Math.max(0.1, a.jobMs));
    // The baseline's own growth beside it: at 1M the plain reads themselves grow more than 10×.
    const baseline = `the baseline itself: ${round2(b.baselineMs / Math.max(0.1, a.baselineMs))}`;
    rows.push({ figure: `${job} time(${sizeLabel(b.employees)}) / time(${sizeLabel(a.employees)})`, value: `${ms(b.jobMs)} / ${ms(a.jobMs)}`, baseline, ratio, target: `≤ ${limit}`, met: ratio <= limit });
  }
  const at100k = sizes.find((s) => s.employees === 100_000);
  if (at100k) rows.push({ figure: `${job} 100k, absolute`, value: ms(at100k.jobMs), baseline: '', ratio: null, target: `< ${ms(CONTEXT_100K_MS)} (context)`, met: at100k.jobMs < CONTEXT_100K_MS });
  return rows;
}
