// The FileStore contract on the local disk (DATA_DIR/files), plus what only a disk has: a
// half-written temporary file is never listed as stored.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { fileStoreContract } from './file-store-contract.ts';

fileStoreContract('local disk', () => createLocalFileStore(mkdtempSync(join(tmpdir(), 'sentinel-files-'))));

it('lists neither temporary files of an interrupted put nor stray files', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sentinel-files-'));
  const store = createLocalFileStore(root);
  const { sha256 } = await store.put(Buffer.from('kept'));
  writeFileSync(join(root, sha256.slice(0, 2), `${'b'.repeat(64)}.0a1b2c.tmp`), 'half');
  mkdirSync(join(root, 'cc'));
  writeFileSync(join(root, 'cc', 'b'.repeat(64)), 'in the wrong folder');
  const listed: string[] = [];
  for await (const sha of store.list()) listed.push(sha);
  expect(listed).toEqual([sha256]);
  const absent = createLocalFileStore(join(root, 'not-created'));
  for await (const sha of absent.list()) throw new Error(`listed ${sha}`);
});
