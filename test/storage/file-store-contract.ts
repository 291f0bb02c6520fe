// The behaviour every FileStore must have, run against each implementation
// (local-file-store.test.ts, s3-file-store.test.ts): content addressing, idempotent put and delete,
// not-found, listing, and names that cannot escape the store.
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.ts';
import type { FileStore } from '../../src/storage/file-store.ts';

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const collect = async (store: FileStore) => {
  const all: string[] = [];
  for await (const sha of store.list()) all.push(sha);
  return all.sort();
};

/** `fresh()` returns an empty store of the implementation under test. */
export function fileStoreContract(name: string, fresh: () => FileStore): void {
  describe(`${name}: the FileStore contract`, () => {
    it('stores bytes under their SHA-256 and gives them back unchanged', async () => {
      const store = fresh();
      const bytes = randomBytes(200_000);
      const stored = await store.put(bytes);
      expect(stored).toEqual({ sha256: sha256Of(bytes), size: bytes.byteLength });
      expect(await store.has(stored.sha256)).toBe(true);
      expect((await store.get(stored.sha256)).equals(bytes)).toBe(true);
      const empty = await store.put(new Uint8Array(0));
      expect((await store.get(empty.sha256)).byteLength).toBe(0);
    });

    it('keeps one copy of the same bytes, and lists every stored hash once', async () => {
      const store = fresh();
      const a = await store.put(Buffer.from('合同'));
      expect(await store.put(Buffer.from('合同'))).toEqual(a);
      const b = await store.put(Buffer.from('证明'));
      expect(await collect(store)).toEqual([a.sha256, b.sha256].sort());
    });

    it('answers a missing file with not_found, and deletes idempotently', async () => {
      const store = fresh();
      const missing = sha256Of(Buffer.from('never stored'));
      expect(await store.has(missing)).toBe(false);
      await expect(store.get(missing)).rejects.toMatchObject({ code: 'not_found', status: 404 });
      const { sha256 } = await store.put(Buffer.from('to delete'));
      await store.delete(sha256);
      await store.delete(sha256);
      expect(await store.has(sha256)).toBe(false);
      await expect(store.get(sha256)).rejects.toBeInstanceOf(AppError);
      expect(await collect(store)).toEqual([]);
    });

    it.each(['../../etc/passwd', `../${'a'.repeat(62)}`, `/${'a'.repeat(63)}`, 'A'.repeat(64), `${'a'.repeat(63)}/`, ''])('refuses the name %j before touching storage', async (bad) => {
      const store = fresh();
      for (const call of [() => store.get(bad), () => store.has(bad), () => store.delete(bad)]) {
        await expect(call()).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
      }
    });
  });
}
