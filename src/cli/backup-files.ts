// The stored files of a backup, as `files/<aa>/<sha256>` in the backup directory, whatever the
// configured store: DATA_DIR/files or S3 objects are read through the FileStore, and a restore
// puts them back through it. A restore checks each file's bytes against its name, so a damaged
// backup is named, not silently stored under another hash. Objects already in the bucket (a
// restore into the same bucket) are kept: put is idempotent.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentPath, hashOfContentPath } from '../storage/content-path.ts';
import type { FileStore } from '../storage/file-store.ts';

/** Copies every stored file into `<dir>/files`; returns how many. */
export async function backUpFiles(store: FileStore, dir: string): Promise<number> {
  mkdirSync(join(dir, 'files'), { recursive: true, mode: 0o700 });
  let count = 0;
  for await (const sha256 of store.list()) {
    const target = join(dir, 'files', contentPath(sha256));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await store.get(sha256), { mode: 0o600 });
    count += 1;
  }
  return count;
}

/** Puts every file of `<dir>/files` into the store; returns how many. */
export async function restoreFiles(store: FileStore, dir: string): Promise<number> {
  const root = join(dir, 'files');
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((n) => n.split('\\').join('/'));
  let count = 0;
  for (const name of names) {
    const sha256 = hashOfContentPath(name);
    if (!sha256) continue;
    const stored = await store.put(readFileSync(join(root, name)));
    if (stored.sha256 !== sha256) throw new Error(`备份中的文件 ${name} 已损坏（内容与文件名的哈希不符）：请换一份完好的备份`);
    count += 1;
  }
  return count;
}
