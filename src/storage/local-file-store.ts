// FileStore on the local disk: DATA_DIR/files/<aa>/<sha256>. A file is written to a temporary
// name and renamed into place, so a crash never leaves a half-written file under a valid name.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';
import type { FileStore, StoredBytes } from './file-store.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function createLocalFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new AppError('validation_failed', `不是有效的 SHA-256：${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256);
  };
  const has = async (sha256: string) => access(pathOf(sha256)).then(() => true, () => false);
  return {
    has,
    async put(bytes): Promise<StoredBytes> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!(await has(sha256))) {
        await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
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
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('not_found', `文件不存在：${sha256}`);
        throw error;
      }
    },
  };
}
