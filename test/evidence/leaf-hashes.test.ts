// leafHashesUpTo reads the whole ledger's leaf hashes in one query; it must return exactly what
// the paged reader (ledgerLeafHashes) returns, and keep its behaviour on a tampered ledger.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merkleRoot } from '../../src/domain/evidence/merkle.ts';
import { ledgerLeafHashes } from '../../src/services/evidence/ledger-leaves.ts';
import { leafHashesUpTo } from '../../src/services/evidence/signed-heads.ts';
import { verifyDocument } from '../../src/services/evidence/verify-document.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { DOCUMENT, query, seedLedger, tamper } from './ledger-fixture.ts';

const t = await createTestDb();
const deps = { ...t.deps, files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'sentinel-leaves-'))) };
await seedLedger(deps, 5);
const SIZE = 7;

const paged = async (size: number) => {
  const out: Buffer[] = [];
  for await (const h of ledgerLeafHashes(deps.db, size, 3)) out.push(h);
  return out;
};
const hexes = (bs: Buffer[]) => bs.map((b) => b.toString('hex'));

async function withLeafHash<T>(index: number, value: string, check: () => Promise<T>): Promise<T> {
  const [row] = await query<{ leafHash: string }>(t.url, `SELECT "leafHash" FROM "EvidenceEntry" WHERE index = $1`, [index]);
  const leafHash = row!.leafHash;
  await tamper(t.url, `UPDATE "EvidenceEntry" SET "leafHash" = $2 WHERE index = $1`, [index, value]);
  try {
    return await check();
  } finally {
    await tamper(t.url, `UPDATE "EvidenceEntry" SET "leafHash" = $2 WHERE index = $1`, [index, leafHash]);
  }
}

describe('leafHashesUpTo', () => {
  it('returns the stored leaf hashes of every prefix of the ledger, as the paged reader does', async () => {
    const stored = await query<{ leafHash: string }>(t.url, `SELECT "leafHash" FROM "EvidenceEntry" ORDER BY index`);
    expect(stored).toHaveLength(SIZE);
    for (let size = 0; size <= SIZE; size++) {
      const leaves = await leafHashesUpTo(deps, size);
      expect(hexes(leaves)).toEqual(stored.slice(0, size).map((r) => r.leafHash));
      expect(hexes(leaves)).toEqual(hexes(await paged(size)));
      leaves.forEach((l) => expect(l).toHaveLength(32));
    }
    const [head] = await query<{ rootHash: string }>(t.url, `SELECT "rootHash" FROM "TreeHead" WHERE size = $1`, [SIZE]);
    expect(merkleRoot(await leafHashesUpTo(deps, SIZE)).toString('hex')).toBe(head!.rootHash);
  });

  it('refuses a tree larger than the ledger, naming the first missing entry', async () => {
    await expect(leafHashesUpTo(deps, SIZE + 2)).rejects.toThrow(`gap at entry #${SIZE}`);
  });

  it('decodes a tampered, non-hex leaf hash as the paged reader does, and the document check fails', async () => {
    await withLeafHash(2, `${'zz'.repeat(32)}`, async () => {
      expect(hexes(await leafHashesUpTo(deps, SIZE))).toEqual(hexes(await paged(SIZE)));
      const v = await verifyDocument(deps, { bytes: DOCUMENT });
      expect(v.authentic).toBe(false);
      expect(v.reasons).toContain('❌ 台账中的条目与签名树根不符：台账已被改动');
    });
    await withLeafHash(4, 'ab'.repeat(31), async () => {
      expect(hexes(await leafHashesUpTo(deps, SIZE))).toEqual(hexes(await paged(SIZE)));
    });
    expect((await verifyDocument(deps, { bytes: DOCUMENT })).authentic).toBe(true);
  });

  it('names a gap cut into the middle of the ledger', async () => {
    const [row] = await query<{ row: unknown }>(t.url, `SELECT to_jsonb(e) AS row FROM "EvidenceEntry" e WHERE index = 3`);
    await tamper(t.url, `DELETE FROM "EvidenceEntry" WHERE index = 3`);
    try {
      await expect(leafHashesUpTo(deps, SIZE)).rejects.toThrow('gap at entry #3');
    } finally {
      await tamper(t.url, `INSERT INTO "EvidenceEntry" SELECT * FROM jsonb_populate_record(NULL::"EvidenceEntry", $1::jsonb)`, [JSON.stringify(row!.row)]);
    }
    expect(await leafHashesUpTo(deps, SIZE)).toHaveLength(SIZE);
  });
});
