// Makes a TrueType font safe for fontkit's subsetter. The subsetter copies each glyph's bytes and
// writes a *short* loca table (offsets / 2) whenever the subset is under 128 KB, which silently
// assumes every glyph is an even number of bytes long. Noto Sans SC stores half its glyphs with
// odd lengths, so a subset drew the wrong outlines for most characters. Padding every glyph to a
// 4-byte boundary (with a long loca here) makes every offset even and the subset correct.

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/**
 * @example
 *   const safe = alignGlyphs(readFileSync('NotoSansSC_400Regular.ttf'));
 */
export function alignGlyphs(font: Buffer): Buffer {
  const numTables = font.readUInt16BE(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    tables.set(tag, { tag, offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font; // not a glyf-based font: nothing to align
  const longLoca = font.readInt16BE(head.offset + 50) === 1;
  const numGlyphs = font.readUInt16BE(maxp.offset + 4);
  const offsetOf = (i: number) => (longLoca ? font.readUInt32BE(loca.offset + 4 * i) : 2 * font.readUInt16BE(loca.offset + 2 * i));

  const glyphs: Buffer[] = [];
  const newLoca = Buffer.alloc(4 * (numGlyphs + 1));
  let position = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const bytes = font.subarray(glyf.offset + offsetOf(i), glyf.offset + offsetOf(i + 1));
    const padded = Buffer.alloc(align4(bytes.length));
    bytes.copy(padded);
    glyphs.push(padded);
    newLoca.writeUInt32BE(position, 4 * i);
    position += padded.length;
  }
  newLoca.writeUInt32BE(position, 4 * numGlyphs);

  const newHead = Buffer.from(font.subarray(head.offset, head.offset + head.length));
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment: recomputed below
  newHead.writeInt16BE(1, 50); // indexToLocFormat: long
  const bodies = new Map<string, Buffer>([['head', newHead], ['loca', newLoca], ['glyf', Buffer.concat(glyphs)]]);
  return rebuild(font, [...tables.values()], bodies);
}

function rebuild(font: Buffer, records: TableRecord[], replaced: Map<string, Buffer>): Buffer {
  const directory = Buffer.alloc(12 + 16 * records.length);
  font.copy(directory, 0, 0, 12);
  const parts: Buffer[] = [directory];
  let offset = directory.length;
  records.forEach((record, i) => {
    const body = replaced.get(record.tag) ?? font.subarray(record.offset, record.offset + record.length);
    const at = 12 + 16 * i;
    directory.write(record.tag, at, 'latin1');
    directory.writeUInt32BE(checksum(body), at + 4);
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(body.length, at + 12);
    const padded = Buffer.alloc(align4(body.length));
    body.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat(parts);
  const headAt = directory.readUInt32BE(12 + 16 * records.findIndex((r) => r.tag === 'head') + 8);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headAt + 8);
  return out;
}

const align4 = (n: number) => (n + 3) & ~3;

function checksum(bytes: Buffer): number {
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + bytes.readUInt32BE(i)) >>> 0;
  if (whole < bytes.length) {
    const tail = Buffer.alloc(4);
    bytes.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}
