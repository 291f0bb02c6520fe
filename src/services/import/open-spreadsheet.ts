// Checks an uploaded spreadsheet before a parser sees it: the extension picks the format, the
// bytes must agree, and an .xlsx must inflate within bounds, entry by entry, counted while
// inflating (a zip states its own sizes and a bomb states false ones). This runs before the
// import lock is taken, so a bomb is refused in milliseconds even while another import runs.
import { extname } from 'node:path';
import { AppError } from '../../errors.ts';
import { openBoundedZip, type ZipProblem } from '../files/open-bounded-zip.ts';
import type { RosterRow } from './parse-roster-file.ts';
import { readCsvRows } from './read-csv-rows.ts';
import { readXlsxRows } from './read-xlsx-rows.ts';

export const MAX_ROSTER_FILE_BYTES = 10 * 1024 * 1024;
/** A 20,000-row roster inflates to about 15 MB; past this it is a zip bomb or not a roster. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
/** An Excel workbook holds a dozen parts, a few hundred with many sheets and images. */
const MAX_ZIP_ENTRIES = 1000;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: legacy .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SAVE_AS_HINT = '请在 Excel 中另存为 .xlsx（未加密）或「CSV UTF-8（逗号分隔）」后重新导入';

/** A checked upload whose rows can be streamed (readRosterSheet reads them under the import lock). */
export interface SpreadsheetFile {
  rows(): AsyncGenerator<RosterRow>;
}

/** @example const file = await openSpreadsheet({ fileName: 'roster.xlsx', buffer }); for await (const row of file.rows()) … */
export async function openSpreadsheet(opts: { fileName: string; buffer: Buffer }): Promise<SpreadsheetFile> {
  const { fileName, buffer } = opts;
  if (buffer.length > MAX_ROSTER_FILE_BYTES) {
    throw new AppError('payload_too_large', `文件大小 ${(buffer.length / 1048576).toFixed(1)} MB，超过 ${MAX_ROSTER_FILE_BYTES / 1048576} MB 上限`);
  }
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return openXlsx(buffer);
  if (ext === '.csv') return openCsv(buffer);
  if (ext === '.xls') throw new AppError('unsupported_media_type', `不支持旧版 .xls 格式。${SAVE_AS_HINT}`);
  throw new AppError('unsupported_media_type', `只能导入 .xlsx 或 .csv 文件，收到的是「${fileName}」`);
}

async function openXlsx(buffer: Buffer): Promise<SpreadsheetFile> {
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppError('unsupported_media_type', `文件是旧版 .xls 或带密码的工作簿。${SAVE_AS_HINT}`);
  }
  if (!buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw workbookRefusal({ kind: 'unreadable', detail: 'magic' });
  const zip = await openBoundedZip(buffer, { maxBytes: MAX_INFLATED_BYTES, maxEntries: MAX_ZIP_ENTRIES, refuse: workbookRefusal });
  // Inflate everything once, keeping nothing, so the sizes the parser will trust are proven.
  await zip.verify();
  const unreadable = () => workbookRefusal({ kind: 'corrupt', name: '', detail: 'parse' });
  return { rows: () => readXlsxRows(zip, unreadable) };
}

function workbookRefusal(problem: ZipProblem): AppError {
  switch (problem.kind) {
    case 'unreadable':
      return new AppError('unsupported_media_type', `文件扩展名是 .xlsx，但内容不是 Excel 工作簿。${SAVE_AS_HINT}`);
    case 'too_many_entries':
      return new AppError('payload_too_large', `工作簿内部包含 ${problem.count} 个部件，超过上限 ${MAX_ZIP_ENTRIES}，不是正常的表格文件，已拒绝`);
    case 'too_large':
      return new AppError('payload_too_large', `工作簿解压后超过 ${MAX_INFLATED_BYTES / 1048576} MB 上限（可能是压缩炸弹），已拒绝。正常的导入表格解压后只有几 MB，请检查文件后重新导入`);
    case 'unsafe_name':
    case 'duplicate_name':
      return new AppError('unsupported_media_type', `工作簿内部结构异常（有可疑或重复的部件名），已拒绝。${SAVE_AS_HINT}`);
    case 'corrupt':
      return new AppError('unsupported_media_type', `无法读取该 Excel 文件，可能已损坏或不是工作簿。${SAVE_AS_HINT}`);
  }
}

function openCsv(buffer: Buffer): SpreadsheetFile {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  if (body.includes(0)) throw new AppError('unsupported_media_type', `文件扩展名是 .csv，但内容不是文本。${SAVE_AS_HINT}`);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel's plain "CSV" on Chinese Windows is GBK; only "CSV UTF-8" survives the trip.
    throw new AppError('unsupported_media_type', `CSV 文件不是 UTF-8 编码（可能是 GBK）。${SAVE_AS_HINT}`);
  }
  return { rows: () => readCsvRows(body) };
}
