// Turns an uploaded file into an exceljs worksheet, refusing anything that is not what its
// name claims before a parser sees it: the extension picks the format, the bytes must agree.
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS, { type Worksheet } from 'exceljs';
import { AppError } from '../../errors.ts';
import { listZipEntries } from './list-zip-entries.ts';
import { readCellValue } from './read-cell-value.ts';
import { fieldOfHeader } from './roster-columns.ts';

export const MAX_ROSTER_FILE_BYTES = 10 * 1024 * 1024;
/** Real rosters inflate to a few MB; anything past this is a zip bomb or not a roster. */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** OLE compound file: legacy .xls, and also any password-protected .xlsx. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SAVE_AS_HINT = '请在 Excel 中另存为 .xlsx（未加密）或「CSV UTF-8（逗号分隔）」后重新导入';

export async function loadRosterWorksheet(fileName: string, buffer: Buffer): Promise<Worksheet | undefined> {
  if (buffer.length > MAX_ROSTER_FILE_BYTES) {
    throw new AppError('payload_too_large', `文件大小 ${(buffer.length / 1048576).toFixed(1)} MB，超过 ${MAX_ROSTER_FILE_BYTES / 1048576} MB 上限`);
  }
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return loadXlsx(buffer);
  if (ext === '.csv') return loadCsv(buffer);
  if (ext === '.xls') throw new AppError('unsupported_media_type', `不支持旧版 .xls 格式。${SAVE_AS_HINT}`);
  throw new AppError('unsupported_media_type', `只能导入 .xlsx 或 .csv 文件，收到的是「${fileName}」`);
}

async function loadXlsx(buffer: Buffer): Promise<Worksheet | undefined> {
  if (buffer.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new AppError('unsupported_media_type', `文件是旧版 .xls 或带密码的工作簿。${SAVE_AS_HINT}`);
  }
  const entries = buffer.subarray(0, 4).equals(ZIP_MAGIC) ? listZipEntries(buffer) : undefined;
  if (!entries) throw new AppError('unsupported_media_type', `文件扩展名是 .xlsx，但内容不是 Excel 工作簿。${SAVE_AS_HINT}`);
  const inflated = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (inflated > MAX_INFLATED_BYTES || entries.length > 10_000) {
    throw new AppError('payload_too_large', `工作簿解压后超过 ${MAX_INFLATED_BYTES / 1048576} MB，不像员工名册，已拒绝`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // read() rather than load(): exceljs declares its own Buffer type that Node 24 buffers do not satisfy.
    await workbook.xlsx.read(Readable.from([buffer]));
  } catch {
    throw new AppError('unsupported_media_type', `无法读取该 Excel 文件，可能已损坏或不是工作簿。${SAVE_AS_HINT}`);
  }
  // Templates often open with an instructions sheet; the roster is the one headed by 工号.
  return workbook.worksheets.find(isRoster) ?? workbook.worksheets[0];
}

function isRoster(sheet: Worksheet): boolean {
  const header = sheet.getRow(1).values;
  return Array.isArray(header) && header.some((v) => {
    const cell = readCellValue(v);
    return typeof cell === 'string' && fieldOfHeader(cell) === 'employeeNo';
  });
}

async function loadCsv(buffer: Buffer): Promise<Worksheet> {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  if (body.includes(0)) throw new AppError('unsupported_media_type', `文件扩展名是 .csv，但内容不是文本。${SAVE_AS_HINT}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Excel's plain "CSV" on Chinese Windows is GBK; only "CSV UTF-8" survives the trip.
    throw new AppError('unsupported_media_type', `CSV 文件不是 UTF-8 编码（可能是 GBK）。${SAVE_AS_HINT}`);
  }
  try {
    // Identity map: exceljs would otherwise turn 身份证号 into floats and 工号 "0012" into 12.
    return await new ExcelJS.Workbook().csv.read(Readable.from([text]), { map: (v: unknown) => v });
  } catch (err) {
    throw new AppError('import_rejected', `CSV 格式错误（常见原因：引号未闭合）：${(err as Error).message.slice(0, 200)}`, { problems: [] });
  }
}
