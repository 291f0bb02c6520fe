// FileStore on the local disk: DATA_DIR/files/<aa>/<sha256>. A file is written to a temporary
// name and renamed into place, so a crash never leaves a half-written file under a valid name.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs';
import { access, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { AppError } from '../errors.ts';
import { contentPath, hashOfContentPath } from './content-path.ts';
import type { FileStore, StoredBytes } from './file-store.ts';

/**
 * Reads through the callback API: the promise API opens a FileHandle per file, which cost the
 * main thread about twice the CPU when verification reads tens of thousands of documents.
 */
const readWhole = promisify(readFile);

export function createLocalFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, contentPath(sha256));
  const has = async (sha256: string) => access(pathOf(sha256)).then(() => true, () => false);
  return {
    has,
    async put(bytes): Promise<StoredBytes> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!(await has(sha256))) {
        await mkdir(dirname(target), { recursive: true });
        const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temp, bytes, { mode: 0o600 });
        await rename(temp, target);
      }
      return { sha256, size: bytes.byteLength };
    },
    async delete(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async get(sha256) {
      try {
        return await readWhole(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `文件不存在：${sha256}`);
        throw error;
      }
    },
    async *list() {
      const names = await readdir(root, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      for (const name of names) {
        const sha256 = hashOfContentPath(name.split('\\').join('/'));
        if (sha256) yield sha256;
      }
    },
  };
}
