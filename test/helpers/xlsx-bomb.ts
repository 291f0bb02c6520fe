// A zip bomb dressed as a workbook: a real exceljs .xlsx whose worksheet entry is replaced by
// deflate data that inflates to hundreds of MB, while the local header and the central directory
// both declare a few KB. About 300 KB on the wire.
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { readPackZip } from '../../src/services/evidence/read-pack-zip.ts';

const SHEET = 'xl/worksheets/sheet1.xml';
const MB = 1024 * 1024;

/** @example const bomb = await makeXlsxBomb({ inflatedMb: 300 }); // declares 4 KB for the sheet */
export async function makeXlsxBomb(opts: { inflatedMb: number; declaredBytes?: number; header?: string[] }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名册').addRow(opts.header ?? ['工号', '姓名', '入职日期', '部门']);
  const parts = await readPackZip(Buffer.from(await wb.xlsx.writeBuffer()));
  const sheet = await deflateSheet(opts.inflatedMb);
  const entries = [...parts].map(([name, bytes]) =>
    name === SHEET
      ? { name, data: sheet.data, crc: sheet.crc, declared: opts.declaredBytes ?? 4096 }
      : { name, data: deflateRawSync(bytes), crc: crc32(bytes), declared: bytes.length },
  );
  return writeZip(entries);
}

/** Valid worksheet XML padded with blanks inside <sheetData>, deflated a megabyte at a time. */
async function deflateSheet(inflatedMb: number): Promise<{ data: Buffer; crc: number }> {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const blanks = Buffer.alloc(MB, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const ended = new Promise((resolve) => deflate.once('end', resolve));
  let crc = 0;
  for (const chunk of [head, ...Array.from({ length: inflatedMb }, () => blanks), tail]) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return { data: Buffer.concat(out), crc };
}

interface RawEntry { name: string; data: Buffer; crc: number; declared: number }

/** Local headers, data, central directory, end record: deflate, UTF-8 names, no extras. */
function writeZip(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, e, name.length);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    writeCommon(dir, 6, e, name.length);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.data);
    central.push(dir, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/** The fields a local header and a central-directory record share, from "version needed" on. */
function writeCommon(buf: Buffer, at: number, e: RawEntry, nameLength: number): void {
  buf.writeUInt16LE(20, at); // version needed: deflate
  buf.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  buf.writeUInt16LE(8, at + 4); // deflate
  buf.writeUInt32LE(0x00210000, at + 6); // 1980-01-01 00:00
  buf.writeUInt32LE(e.crc, at + 10);
  buf.writeUInt32LE(e.data.length, at + 14);
  buf.writeUInt32LE(e.declared, at + 18);
  buf.writeUInt16LE(nameLength, at + 22);
}
