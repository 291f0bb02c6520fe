// Is there a drawn signature in the PNG from the signature pad? An untouched canvas exports a
// valid but fully transparent (or white) image, which must not count as signing. The PNG is
// decoded here with node:zlib (8-bit, non-interlaced: what canvas.toDataURL produces) and the
// dark, visible ("ink") pixels are counted.
import { inflateSync } from 'node:zlib';
import { AppError } from '../../errors.ts';

export const MAX_SIGNATURE_BYTES = 1024 * 1024;
/** A phone canvas at devicePixelRatio 3 is about 1100×600; anything far larger is not a pad. */
const MAX_PIXELS = 4096 * 2048;
/** Ink pixels needed: a short stroke at normal pen width leaves several hundred. */
export const MIN_INK_PIXELS = 150;

export const BLANK_SIGNATURE_MESSAGE = '请先手写签名';
const BAD_PNG_MESSAGE = '签名图片无法识别：请在页面上重新手写签名';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * The number of ink pixels (alpha ≥ 64 and darker than light grey); throws AppError when the
 * bytes are not a PNG this module reads, too large, or blank.
 *
 * @example
 *   checkSignatureInk(png) // 1843
 */
export function checkSignatureInk(png: Buffer): number {
  if (png.byteLength > MAX_SIGNATURE_BYTES) throw new AppError('payload_too_large', '签名图片过大：不超过 1 MB');
  if (png.byteLength < 33 || !png.subarray(0, 8).equals(SIGNATURE)) throw new AppError('validation_failed', BAD_PNG_MESSAGE);
  const { width, height, channels, data } = readPng(png);
  const stride = width * channels;
  const pixels = unfilter(data, height, stride, channels);
  let ink = 0;
  for (let i = 0; i < width * height; i++) {
    const p = i * channels;
    const px = (k: number) => pixels[p + k] ?? 0;
    const [r, g, b] = channels >= 3 ? [px(0), px(1), px(2)] : [px(0), px(0), px(0)];
    const alpha = channels === 4 ? px(3) : channels === 2 ? px(1) : 255;
    if (alpha >= 64 && 0.299 * r + 0.587 * g + 0.114 * b < 200) ink++;
  }
  if (ink < MIN_INK_PIXELS) throw new AppError('validation_failed', BLANK_SIGNATURE_MESSAGE);
  return ink;
}

function readPng(png: Buffer): { width: number; height: number; channels: number; data: Buffer } {
  let offset = 8;
  let header: { width: number; height: number; channels: number } | undefined;
  const idat: Buffer[] = [];
  while (offset + 12 <= png.byteLength) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (body.byteLength !== length) break;
    if (type === 'IHDR') {
      const [depth, colorType = -1, , , interlace] = body.subarray(8, 13);
      const channels = CHANNELS[colorType];
      if (depth !== 8 || !channels || interlace !== 0) throw new AppError('validation_failed', BAD_PNG_MESSAGE);
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), channels };
      if (header.width === 0 || header.height === 0 || header.width * header.height > MAX_PIXELS) throw new AppError('validation_failed', '签名图片尺寸不合理：请在页面上重新手写签名');
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  if (!header || idat.length === 0) throw new AppError('validation_failed', BAD_PNG_MESSAGE);
  const expected = header.height * (1 + header.width * header.channels);
  try {
    // maxOutputLength stops a decompression bomb before it fills memory.
    const data = inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
    if (data.byteLength !== expected) throw new Error('short');
    return { ...header, data };
  } catch {
    throw new AppError('validation_failed', BAD_PNG_MESSAGE);
  }
}

/** Undoes the PNG row filters (None, Sub, Up, Average, Paeth). */
function unfilter(data: Buffer, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (stride + 1)];
    const row = y * (stride + 1) + 1;
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[at + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[at - stride + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[at - stride + x - bpp] ?? 0) : 0;
      const raw = data[row + x] ?? 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) predicted = paeth(a, b, c);
      else if (filter !== 0) throw new AppError('validation_failed', BAD_PNG_MESSAGE);
      out[at + x] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
