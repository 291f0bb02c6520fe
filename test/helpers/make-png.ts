// Small RGBA PNGs for signature tests, encoded here with node:zlib (no image library needed).
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** A width×height RGBA PNG; `ink(x, y)` true paints that pixel opaque black, else transparent. Rows use the Sub filter. */
export function makePng(width: number, height: number, ink: (x: number, y: number) => boolean): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 4);
    raw[row] = 1; // Sub: each byte minus the byte 4 to its left
    let prev = [0, 0, 0, 0];
    for (let x = 0; x < width; x++) {
      const px = ink(x, y) ? [20, 20, 30, 255] : [0, 0, 0, 0];
      for (let i = 0; i < 4; i++) raw[row + 1 + x * 4 + i] = ((px[i] ?? 0) - (prev[i] ?? 0)) & 0xff;
      prev = px;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A 300×120 "signature": two thick strokes. */
export const signedPng = (): Buffer => makePng(300, 120, (x, y) => Math.abs(y - 60 - Math.round(20 * Math.sin(x / 20))) < 3 || (x > 100 && x < 110 && y > 20 && y < 100));
export const blankPng = (): Buffer => makePng(300, 120, () => false);

/** Minimal valid files of each accepted type. */
export const pdfBytes = (): Buffer => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
export const jpegBytes = (): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]), Buffer.alloc(64), Buffer.from([0xff, 0xd9])]);
/** The start of a Windows executable (MZ header, PE signature). */
export const exeBytes = (): Buffer => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
};
