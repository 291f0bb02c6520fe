// Reads an uploaded evidence pack into memory, refusing what a hostile zip could do: more than
// MAX_PACK_FILES entries, more than MAX_PACK_BYTES uncompressed (zip bombs), and names that climb
// out of the folder or are absolute (zip slip), before any byte is inflated.
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../errors.ts';

export const MAX_PACK_BYTES = 200 * 1024 * 1024;
export const MAX_PACK_FILES = 20_000;

export interface PackLimits {
  maxBytes: number;
  maxFiles: number;
}

/**
 * `zip`: the bytes, or the path of a zip file (read from disk as entries are, not loaded whole).
 * @example const files = await readPackZip(zipBuffer); files.get('tree-head.txt')
 */
export async function readPackZip(zip: Buffer | string, limits: PackLimits = { maxBytes: MAX_PACK_BYTES, maxFiles: MAX_PACK_FILES }): Promise<Map<string, Buffer>> {
  let archive: ZipFile;
  const options = { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true };
  try {
    archive = await (typeof zip === 'string' ? yauzl.openPromise(zip, { ...options, autoClose: false }) : yauzl.fromBufferPromise(zip, options));
  } catch (error) {
    throw new AppError('bad_request', `不是有效的 zip 证据包：${(error as Error).message}`);
  }
  if (archive.entryCount > limits.maxFiles) {
    archive.close();
    throw new AppError('payload_too_large', `证据包包含 ${archive.entryCount} 个文件，超过上限 ${limits.maxFiles}`);
  }
  const files = new Map<string, Buffer>();
  let total = 0;
  try {
    for (let entry = await nextEntry(archive); entry; entry = await nextEntry(archive)) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (unsafe(name)) throw new AppError('bad_request', `证据包中有不安全的文件名（路径穿越）：${name.slice(0, 200)}`);
      if (files.has(name)) throw new AppError('bad_request', `证据包中有重复的文件名：${name.slice(0, 200)}`);
      total += entry.uncompressedSize;
      if (total > limits.maxBytes) throw new AppError('payload_too_large', `证据包解压后超过 ${limits.maxBytes / 1048576} MB 上限，拒绝处理（可能是压缩炸弹）`);
      files.set(name, await readEntry(archive, entry));
    }
  } finally {
    archive.close();
  }
  return files;
}

/** The names yauzl would reject are mapped to the same message; this catches the rest. */
function unsafe(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').some((part) => part === '..' || part === '') || name.includes('\0');
}

function nextEntry(archive: ZipFile): Promise<Entry | undefined> {
  return new Promise((ok, fail) => {
    const cleanup = () => {
      archive.off('entry', onEntry);
      archive.off('end', onEnd);
      archive.off('error', onError);
    };
    const onEntry = (e: Entry) => (cleanup(), ok(e));
    const onEnd = () => (cleanup(), ok(undefined));
    const onError = (err: Error) => {
      cleanup();
      const path = /^(invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(err.message);
      fail(path ? new AppError('bad_request', `证据包中有不安全的文件名（路径穿越）：${(path[2] ?? '').slice(0, 200)}`) : new AppError('bad_request', `zip 证据包已损坏：${err.message}`));
    };
    archive.on('entry', onEntry);
    archive.on('end', onEnd);
    archive.on('error', onError);
    archive.readEntry();
  });
}

function readEntry(archive: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((ok, fail) => {
    archive.openReadStream(entry, (err, stream?: Readable) => {
      if (err || !stream) return fail(new AppError('bad_request', `无法读取证据包中的 ${entry.fileName}：${err?.message ?? ''}`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => ok(Buffer.concat(chunks)));
      stream.on('error', (e) => fail(new AppError('bad_request', `证据包中的 ${entry.fileName} 已损坏：${e.message}`)));
    });
  });
}
