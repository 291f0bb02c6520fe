import { AppError } from '../../errors.ts';
import type { SpreadsheetFile } from './open-spreadsheet.ts';
import type { RosterCell } from './read-cell-value.ts';

/** Enough for any company this tool serves; past it one transaction would hold locks too long. */
export const MAX_ROSTER_ROWS = 20_000;
/** The templates have 17 columns at most; a value far to the right is a stray, or an attack on memory. */
export const MAX_ROSTER_COLUMNS = 200;

export interface RosterRow {
  /** As the spreadsheet shows it: the header is row 1. */
  rowNumber: number;
  /** By column, aligned with `headers`; undefined for an empty cell. */
  values: (RosterCell | undefined)[];
}

export interface RosterSheet {
  /** Row 1, trimmed; '' where a column has no header. */
  headers: string[];
  /** Data rows with at least one value, in sheet order. */
  rows: RosterRow[];
}

/**
 * Reads the rows of an opened .xlsx (its roster sheet) or UTF-8 .csv into raw rows, refusing the
 * file as soon as it passes MAX_ROSTER_ROWS data rows or MAX_ROSTER_COLUMNS columns, while
 * reading. Says nothing about what the values mean; validateRosterRows does that.
 *
 * @example
 *   const sheet = await readRosterSheet(await openSpreadsheet({ fileName: 'roster.xlsx', buffer }));
 */
export async function readRosterSheet(file: SpreadsheetFile): Promise<RosterSheet> {
  // Only rows that hold a value are kept: formatting-only rows cost nothing but reading.
  const kept: RosterRow[] = [];
  let dataRows = 0;
  for await (const row of file.rows()) {
    if (!row.values.some((v) => v !== undefined)) continue;
    if (row.values.length > MAX_ROSTER_COLUMNS) {
      throw new AppError('import_rejected', `第 ${row.rowNumber} 行第 ${row.values.length} 列有内容，超出模板范围（最多 ${MAX_ROSTER_COLUMNS} 列），请删除多余的列后重新导入`, { problems: [] });
    }
    if (row.rowNumber > 1 && ++dataRows > MAX_ROSTER_ROWS) {
      throw new AppError('import_rejected', `文件超过单次导入上限 ${MAX_ROSTER_ROWS} 行数据，请拆分后分批导入`, { problems: [] });
    }
    kept.push(row);
  }
  const width = kept.reduce((max, r) => Math.max(max, r.values.length), 0);
  const dense = (values: (RosterCell | undefined)[]) => Array.from({ length: width }, (_, i) => values[i]);
  const headerValues = kept[0]?.rowNumber === 1 ? dense(kept[0].values) : [];
  const headers = headerValues.map((h) => (h === undefined ? '' : String(h).replace(/^\uFEFF/, '').trim()));
  const rows = kept.filter((r) => r.rowNumber > 1).map((r) => ({ rowNumber: r.rowNumber, values: dense(r.values) }));
  return { headers, rows };
}
