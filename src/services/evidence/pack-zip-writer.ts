// Writes an evidence pack's zip one file at a time: each add() waits until yazl has consumed the
// file, so only one stored document is in memory besides the growing zip. Records every file's
// SHA-256 for SHA256SUMS.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';

export interface PackZipWriter {
  add(path: string, bytes: Buffer, opts?: { executable?: boolean }): Promise<void>;
  /** Adds SHA256SUMS over every file added so far and returns the finished zip. */
  finish(): Promise<Buffer>;
}

/** @example const w = createPackZipWriter(new Date()); await w.add('README.md', text); const zip = await w.finish(); */
export function createPackZipWriter(mtime: Date): PackZipWriter {
  const zip = new ZipFile();
  const chunks: Buffer[] = [];
  const output = new Promise<Buffer>((ok, fail) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => ok(Buffer.concat(chunks)));
    zip.outputStream.on('error', fail);
  });
  const sums: string[] = [];
  const add = async (path: string, bytes: Buffer, opts: { executable?: boolean } = {}) => {
    sums.push(`${createHash('sha256').update(bytes).digest('hex')}  ${path}\n`);
    const stream = new PassThrough();
    const consumed = once(stream, 'end');
    zip.addReadStream(stream, path, { mtime, size: bytes.length, mode: opts.executable ? 0o100755 : 0o100644 });
    stream.end(bytes);
    await consumed;
  };
  return {
    add,
    async finish() {
      zip.addBuffer(Buffer.from(sums.join(''), 'utf8'), 'SHA256SUMS', { mtime, mode: 0o100644 });
      zip.end();
      return output;
    },
  };
}
