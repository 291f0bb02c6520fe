import { describe, expect, it } from 'vitest';
import { acceptProofFile, MAX_PROOF_BYTES, sniffFileType } from '../../src/domain/files/sniff-file-type.ts';
import { AppError } from '../../src/errors.ts';
import { exeBytes, jpegBytes, pdfBytes, signedPng } from '../helpers/make-png.ts';

describe('sniffFileType', () => {
  it('recognizes PDF, JPEG and PNG by their magic bytes', async () => {
    expect(await sniffFileType(pdfBytes())).toBe('application/pdf');
    expect(await sniffFileType(jpegBytes())).toBe('image/jpeg');
    expect(await sniffFileType(signedPng())).toBe('image/png');
  });

  it('returns undefined for an executable, text, and a GIF', async () => {
    expect(await sniffFileType(exeBytes())).toBeUndefined();
    expect(await sniffFileType(Buffer.from('hello, this is just text'))).toBeUndefined();
    expect(await sniffFileType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toBeUndefined();
  });
});

describe('acceptProofFile', () => {
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as AppError);

  it('refuses an MZ executable whatever it is called, with the content-based message', async () => {
    const e = await failure(acceptProofFile(exeBytes()));
    expect(e?.status).toBe(415);
    expect(e?.message).toBe('文件类型不支持：只接受 PDF、JPG、PNG（按文件内容判断，而非扩展名）');
  });

  it('refuses empty and oversize files with their own messages', async () => {
    expect((await failure(acceptProofFile(Buffer.alloc(0))))?.message).toContain('文件为空');
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_PROOF_BYTES)]);
    const e = await failure(acceptProofFile(big));
    expect([e?.status, e?.message]).toEqual([413, '文件过大：不超过 10 MB']);
  });

  it('accepts a file of exactly 10 MB', async () => {
    const exact = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_PROOF_BYTES - pdfBytes().length)]);
    expect(await acceptProofFile(exact)).toBe('application/pdf');
  });
});
