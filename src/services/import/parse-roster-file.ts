import { AppError } from '../../errors.ts';
import { loadRosterWorksheet } from './load-roster-worksheet.ts';
import { readCellValue, type RosterCell } from './read-cell-value.ts';

/** Enough for any company this tool serves; past it one transaction would hold locks too long. */
export const MAX_ROSTER_ROWS = 20_000;

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
 * Reads the first worksheet of an .xlsx, or a UTF-8 .csv (BOM tolerated), into raw rows.
 * Says nothing about what the values mean; validateRosterRows does that.
 *
 * @example
 *   const sheet = await parseRosterFile({ fileName: 'roster.xlsx', buffer: await readFile(path) });
 */
export async function parseRosterFile(opts: { fileName: string; buffer: Buffer }): Promise<RosterSheet> {
  const sheet = await loadRosterWorksheet(opts.fileName, opts.buffer);
  if (!sheet || sheet.actualRowCount === 0) return { headers: [], rows: [] };
  if (sheet.actualRowCount - 1 > MAX_ROSTER_ROWS) {
    throw new AppError('import_rejected', `文件有 ${sheet.actualRowCount - 1} 行数据，超过单次导入上限 ${MAX_ROSTER_ROWS} 行，请拆分后分批导入`, { problems: [] });
  }
  // Read only the cells that exist: a stray format in column XFD must not mean 16,384 reads a row.
  const raw: { rowNumber: number; values: (RosterCell | undefined)[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    const values: (RosterCell | undefined)[] = [];
    if (!Array.isArray(row.values)) return;
    row.values.forEach((v, i) => {
      const cell = readCellValue(v);
      if (cell !== undefined) values[i - 1] = cell;
    });
    raw.push({ rowNumber, values });
  });
  const width = raw.reduce((max, r) => Math.max(max, r.values.length), 0);
  const dense = (values: (RosterCell | undefined)[]) => Array.from({ length: width }, (_, i) => values[i]);
  const headerValues = raw[0]?.rowNumber === 1 ? dense(raw[0].values) : [];
  const headers = headerValues.map((h) => (h === undefined ? '' : String(h).replace(/^\uFEFF/, '').trim()));
  const rows = raw
    .filter((r) => r.rowNumber > 1 && r.values.some((v) => v !== undefined))
    .map((r) => ({ rowNumber: r.rowNumber, values: dense(r.values) }));
  return { headers, rows };
}
