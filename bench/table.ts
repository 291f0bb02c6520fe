// The one table `npm run bench` prints: every bench section adds its rows to bench/results.json
// (under its own key, beside its details) and bench/run.ts prints them all at the end.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchRow {
  /** What is measured, e.g. "enrolment sweep 100k". */
  figure: string;
  /** The absolute figure, with its unit. */
  value: string;
  /** The same-run baseline it is compared with, with its unit ('' when the target is absolute). */
  baseline: string;
  /** value / baseline (or the scaling ratio), as the target reads it; null when not a ratio. */
  ratio: number | null;
  target: string;
  /** null: context only, no target. */
  met: boolean | null;
}

/** Merges one bench's section into results.json under `key`, keeping the other benches' sections. */
export function mergeResults(file: string, key: string, section: unknown): void {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...existing, [key]: section }, null, 2)}\n`);
}

/** Merges a section (its details and rows) into results.json under `key`. */
export function writeSection(file: string, key: string, details: Record<string, unknown>, rows: BenchRow[]): void {
  mergeResults(file, key, { ...details, rows });
}

export function readRows(file: string): Array<BenchRow & { section: string }> {
  if (!existsSync(file)) return [];
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { rows?: BenchRow[] }>;
  return Object.entries(all).flatMap(([section, s]) => (s.rows ?? []).map((r) => ({ ...r, section })));
}

export function formatTable(rows: BenchRow[]): string {
  const header = ['figure', 'measured', 'baseline (same run)', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [r.figure, r.value, r.baseline, r.ratio === null ? '' : String(r.ratio), r.target, r.met === null ? '' : r.met ? 'met' : 'NOT met']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
export const perSec = (x: number) => `${Math.round(x).toLocaleString('en-US')}/s`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
