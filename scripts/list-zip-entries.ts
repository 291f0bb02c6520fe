// Reads a zip's central directory without inflating anything: the entry offsets, so that
// make-import-samples.ts can pin timestamps and tests can forge declared sizes. The sizes it
// reports are what the zip claims; the server never trusts them (see open-bounded-zip.ts).

export interface ZipEntry {
  name: string;
  /** Declared size once inflated; 0xFFFFFFFF means a ZIP64 entry, treated as "too large". */
  uncompressedSize: number;
  /** Offset of this entry's central-directory record. */
  centralOffset: number;
  /** Offset of this entry's local header. */
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** The entries, or undefined when the buffer is not a readable zip. */
export function listZipEntries(buf: Buffer): ZipEntry[] | undefined {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd === undefined) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL_SIGNATURE) return undefined;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    entries.push({
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
      uncompressedSize: buf.readUInt32LE(offset + 24),
      centralOffset: offset,
      localOffset: buf.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(buf: Buffer): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const last = buf.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (buf.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return undefined;
}
