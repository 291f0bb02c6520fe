// Reads an uploaded evidence pack into memory, refusing what a hostile zip could do: more than
// MAX_PACK_FILES entries, more than MAX_PACK_BYTES once inflated (zip bombs, counted while
// inflating, whatever the sizes declared), and names that climb out of the folder or are absolute
// (zip slip), before any byte is inflated.
import { buffer as readAll } from 'node:stream/consumers';
import { AppError } from '../../errors.ts';
import { openBoundedZip, type ZipProblem } from '../files/open-bounded-zip.ts';

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
  const archive = await openBoundedZip(zip, { maxBytes: limits.maxBytes, maxEntries: limits.maxFiles, refuse: (p) => packRefusal(p, limits) });
  const files = new Map<string, Buffer>();
  try {
    for (const { name } of archive.entries) files.set(name, await readAll(await archive.open(name)));
  } finally {
    archive.close();
  }
  return files;
}

function packRefusal(problem: ZipProblem, limits: PackLimits): AppError {
  switch (problem.kind) {
    case 'unreadable':
      return new AppError('bad_request', `不是有效的 zip 证据包：${problem.detail}`);
    case 'too_many_entries':
      return new AppError('payload_too_large', `证据包包含 ${problem.count} 个文件，超过上限 ${limits.maxFiles}`);
    case 'too_large':
      return new AppError('payload_too_large', `证据包解压后超过 ${limits.maxBytes / 1048576} MB 上限，拒绝处理（可能是压缩炸弹）`);
    case 'unsafe_name':
      return new AppError('bad_request', `证据包中有不安全的文件名（路径穿越）：${problem.name.slice(0, 200)}`);
    case 'duplicate_name':
      return new AppError('bad_request', `证据包中有重复的文件名：${problem.name.slice(0, 200)}`);
    case 'corrupt':
      return new AppError('bad_request', `证据包中的 ${problem.name.slice(0, 200)} 已损坏：${problem.detail}`);
  }
}
