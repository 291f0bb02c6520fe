// What one spreadsheet cell says, reduced to text or a number. Numbers stay numbers so the
// row mapper can tell a 身份证号 that Excel already rounded from one typed as text.
import type { CellValue } from 'exceljs';

export type RosterCell = string | number;

export function readCellValue(value: CellValue): RosterCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatCellDate(value);
  if ('richText' in value) return readCellValue(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return readCellValue(value.text as CellValue);
  // Formulas: the value Excel last calculated is what HR saw on screen.
  if ('formula' in value || 'sharedFormula' in value) return readCellValue(value.result as CellValue);
  if ('error' in value) return value.error;
  return undefined;
}

/** exceljs turns date cells into UTC instants; the calendar day is the UTC date. */
function formatCellDate(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '无效日期';
  // Excel stores days as floats; 45000.99999999 is meant as midnight of the next day.
  return new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 10);
}
