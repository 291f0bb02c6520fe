// 所属期 as HR's spreadsheets write it: '2026-01', '2026/1', '2026年1月', 202601, or an Excel
// date cell formatted as a month (which arrives as the first of that month).
import type { RosterCell } from '../import/read-cell-value.ts';

export function readMonthCell(cell: RosterCell): string | undefined {
  const text = String(cell).trim();
  const m = /^(\d{4})(?:[-/.年]\s*(\d{1,2})月?|(\d{2}))(?:[-/.]01)?$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[3]);
  if (year < 1990 || year > 2100 || month < 1 || month > 12) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}
