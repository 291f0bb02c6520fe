import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkSignatureInk, MIN_INK_PIXELS } from '../../src/domain/signatures/signature-ink.ts';
import { blankPng, makePng, signedPng } from '../helpers/make-png.ts';

describe('checkSignatureInk', () => {
  it('counts the ink of a drawn signature', () => {
    expect(checkSignatureInk(signedPng())).toBeGreaterThan(MIN_INK_PIXELS);
  });

  it('refuses a transparent canvas and a single dot as blank', () => {
    expect(() => checkSignatureInk(blankPng())).toThrow('请先手写签名');
    expect(() => checkSignatureInk(makePng(300, 120, (x, y) => x < 5 && y < 5))).toThrow('请先手写签名');
  });

  it('refuses bytes that are not a PNG, a truncated PNG, and a decompression bomb', () => {
    expect(() => checkSignatureInk(Buffer.from('%PDF-1.4 not a png at all, definitely'))).toThrow('签名图片无法识别');
    expect(() => checkSignatureInk(signedPng().subarray(0, 60))).toThrow('签名图片无法识别');
    // IHDR says 10×10, the IDAT inflates to 5 MB of zeros.
    const png = makePng(10, 10, () => true);
    const bomb = Buffer.concat([png.subarray(0, 33), idat(deflateSync(Buffer.alloc(5_000_000))), png.subarray(-12)]);
    expect(() => checkSignatureInk(bomb)).toThrow('签名图片无法识别');
  });

  it('refuses images over 1 MB or with absurd dimensions', () => {
    expect(() => checkSignatureInk(Buffer.concat([signedPng(), Buffer.alloc(1024 * 1024)]))).toThrow('签名图片过大');
    const huge = signedPng();
    huge.writeUInt32BE(100_000, 16);
    expect(() => checkSignatureInk(huge)).toThrow('尺寸不合理');
  });
});

function idat(body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write('IDAT', 4, 'latin1');
  return Buffer.concat([head, body, Buffer.alloc(4)]);
}
