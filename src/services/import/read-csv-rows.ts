// The rows of a UTF-8 CSV, parsed a slice at a time so that a 10 MB file neither blocks the
// event loop nor becomes a worksheet in memory: the caller stops reading at its row limit.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Readable } from 'node:stream';
import { parse } from '@fast-csv/parse';
import { AppError } from '../../errors.ts';
import type { RosterRow } from './parse-roster-file.ts';
import { readCellValue } from './read-cell-value.ts';

const SLICE_BYTES = 64 * 1024;

/** `body` is already known to be UTF-8 without a BOM (openSpreadsheet checks). */
export async function* readCsvRows(body: Buffer): AsyncGenerator<RosterRow> {
  // Identity of values: 身份证号 must not become a float, nor 工号 "0012" the number 12.
  const parser = Readable.from(slices(body)).pipe(parse());
  let rowNumber = 0;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      const values: RosterRow['values'] = [];
      fields.forEach((field, i) => {
        const cell = readCellValue(field);
        if (cell !== undefined) values[i] = cell;
      });
      yield { rowNumber, values };
    }
  } catch {
    throw new AppError('import_rejected', `CSV 格式错误：第 ${rowNumber + 1} 行起有未闭合的引号或无法识别的内容，请检查后重新导入`, { problems: [] });
  } finally {
    parser.destroy();
  }
}

/** One slice per turn of the event loop: /healthz and other requests answer in between. */
async function* slices(body: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < body.length; at += SLICE_BYTES) {
    yield body.subarray(at, at + SLICE_BYTES);
    await nextTurn();
  }
}
