// One worksheet of a report: a bold Chinese header row kept frozen, typed columns (percentages as
// fractions with a percent format, yuan with two decimals, days and months as Excel dates) and
// widths fitted to the longest text (a CJK character is about two Latin widths in Excel).
import type ExcelJS from 'exceljs';
import { excelDate, yuan, YUAN_FORMAT } from '../excel-cells.ts';

/**
 * pct: a percentage number (66.7) written as the fraction 0.667 under '0.0%';
 * fen: an amount in fen written in yuan; day / month: 'YYYY-MM-DD' / 'YYYY-MM' as a date.
 */
export type ColumnKind = 'text' | 'count' | 'decimal' | 'pct' | 'fen' | 'day' | 'month';

export interface ReportColumn {
  header: string;
  kind: ColumnKind;
}

/** A cell as given: a number in the column's unit, a day string for day/month columns, or null (empty). */
export type ReportCell = string | number | null;

const FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined, count: '0', decimal: '0.0', pct: '0.0%', fen: YUAN_FORMAT, day: 'yyyy-mm-dd', month: 'yyyy-mm',
};

function toValue(kind: ColumnKind, v: ReportCell): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === 'string') return kind === 'day' || kind === 'month' ? excelDate(v) : v;
  if (kind === 'pct') return Math.round(v * 10) / 1000;
  return kind === 'fen' ? yuan(v) : v;
}

/** Display width of a text in Excel's character units. */
const widthOf = (text: string) => [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

/**
 * @example addReportSheet(wb, '预警', [{ header: '阶段', kind: 'text' }, { header: '人数', kind: 'count' }], [['第23日提醒', 1]])
 */
export function addReportSheet(wb: ExcelJS.Workbook, name: string, columns: ReportColumn[], rows: ReportCell[][], cellKinds?: (row: number, col: number) => ColumnKind | undefined): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  rows.forEach((cells, r) => {
    const row = ws.addRow(cells.map((v, c) => toValue(cellKinds?.(r, c) ?? columns[c]?.kind ?? 'text', v)));
    cells.forEach((_, c) => {
      const format = FORMATS[cellKinds?.(r, c) ?? columns[c]?.kind ?? 'text'];
      if (format) row.getCell(c + 1).numFmt = format;
    });
  });
  columns.forEach((c, i) => {
    const texts = [c.header, ...rows.map((r) => String(r[i] ?? ''))];
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, ...texts.map(widthOf)) + 2);
  });
  return ws;
}
