// The rows of an .xlsx, streamed. exceljs's streaming WorkbookReader would pull the parts through
// unzipper, which inflates whatever the archive holds; its per-part parsers accept any stream, so
// they are fed the bounded, size-checked streams of openBoundedZip instead, and parts are read in
// the order they are needed (no temp files). Those parsers are exceljs 4.4 internals: the import
// tests pin them, from rich text and formulas to date formats.
import type { Readable } from 'node:stream';
import ExcelJS, { type CellValue } from 'exceljs';
import { AppError } from '../../errors.ts';
import type { BoundedZip } from '../files/open-bounded-zip.ts';
import type { RosterRow } from './parse-roster-file.ts';
import { readCellValue } from './read-cell-value.ts';
import { fieldOfHeader } from './roster-columns.ts';

interface PartParsers {
  _parseRels(part: Readable): Promise<void>;
  _parseWorkbook(part: Readable): Promise<void>;
  _parseSharedStrings(part: Readable): AsyncIterable<unknown>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(part: Readable, sheetNo: string): Iterable<{ value: AsyncIterable<{ number: number; values: CellValue[] | Record<string, CellValue> }> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/**
 * Rows of the roster sheet: the first whose row 1 has a 工号 header (templates often open with
 * an instructions sheet), else the first sheet. Throws 415 when the parts are not a workbook.
 */
export async function* readXlsxRows(zip: BoundedZip, unreadable: () => AppError): AsyncGenerator<RosterRow> {
  try {
    const parsers = await readWorkbookParts(zip, unreadable);
    const sheets = sheetPaths(parsers, new Set(zip.entries.map((e) => e.name)));
    let chosen = sheets[0];
    for (const path of sheets) {
      // Only row 1 is read here; the chosen sheet is then read again from its start.
      const rows = sheetRows(zip, parsers, path);
      const first = await rows.next();
      await rows.return(undefined);
      if (!first.done && first.value.rowNumber === 1 && first.value.values.some((v) => typeof v === 'string' && fieldOfHeader(v) === 'employeeNo')) {
        chosen = path;
        break;
      }
    }
    if (chosen) yield* sheetRows(zip, parsers, chosen);
  } catch (error) {
    throw error instanceof AppError ? error : unreadable();
  }
}

async function readWorkbookParts(zip: BoundedZip, unreadable: () => AppError): Promise<PartParsers> {
  const names = new Set(zip.entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) throw unreadable();
  const options = { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' } as const;
  // No input: parse() is never called, only the part parsers.
  const parsers = new (ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: undefined, o: typeof options) => PartParsers)(undefined, options);
  const parts: [string, (part: Readable) => Promise<void>][] = [
    ['xl/_rels/workbook.xml.rels', (p) => parsers._parseRels(p)],
    ['xl/workbook.xml', (p) => parsers._parseWorkbook(p)],
    ['xl/sharedStrings.xml', (p) => drain(parsers._parseSharedStrings(p))],
    ['xl/styles.xml', (p) => parsers._parseStyles(p)],
  ];
  for (const [name, parse] of parts) {
    if (!names.has(name)) continue;
    const part = await zip.open(name);
    try {
      await parse(part);
    } finally {
      part.destroy();
    }
  }
  return parsers;
}

async function drain(items: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of items);
}

/** Worksheet parts in the workbook's tab order; by file name when the workbook lists none. */
function sheetPaths(parsers: PartParsers, names: Set<string>): string[] {
  const listed = (parsers.model?.sheets ?? [])
    .map((s) => parsers.workbookRels?.find((r) => r.Id === s.rId)?.Target)
    .map((target) => (target?.startsWith('/') ? target.slice(1) : `xl/${target}`))
    .filter((path) => names.has(path));
  if (listed.length > 0) return listed;
  return [...names].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

async function* sheetRows(zip: BoundedZip, parsers: PartParsers, path: string): AsyncGenerator<RosterRow> {
  const part = await zip.open(path);
  try {
    for (const { value: sheet } of parsers._parseWorksheet(part, path)) {
      for await (const row of sheet) {
        const values: RosterRow['values'] = [];
        if (Array.isArray(row.values)) {
          row.values.forEach((v, i) => {
            const cell = readCellValue(v);
            if (cell !== undefined) values[i - 1] = cell;
          });
        }
        yield { rowNumber: row.number, values };
      }
    }
  } finally {
    // A reader that stops early (row 1 only, the row limit) stops the inflater too.
    part.destroy();
  }
}
