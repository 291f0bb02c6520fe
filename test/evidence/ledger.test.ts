// The check: changing one byte of any stored document, or one column of any ledger row,
// makes the verification fail and name that entry; the database refuses UPDATE/DELETE/TRUNCATE.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLedgerKey } from '../../src/crypto/ledger-key.ts';
import { entryLeafData } from '../../src/domain/evidence/entry-leaf.ts';
import { leafHash } from '../../src/domain/evidence/merkle.ts';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { makeDecision, query, seedLedger, storeDocument, tamper } from './ledger-fixture.ts';

const t = await createTestDb();
const filesDir = mkdtempSync(join(tmpdir(), 'sentinel-ledger-files-'));
const deps = { ...t.deps, files: createLocalFileStore(filesDir) };
const seeded = await seedLedger(deps);

const COLUMNS = ['type', 'subjectType', 'subjectId', 'employeeId', 'payloadHash', 'payloadRef', 'metadata', 'leafHash', 'createdAt'] as const;
/** One column change per column, as SQL on entry $1. */
const CHANGES: Record<(typeof COLUMNS)[number], string> = {
  type: `"type" = 'document'`,
  subjectType: `"subjectType" = "subjectType" || 'x'`,
  subjectId: `"subjectId" = 'ex-2'`,
  employeeId: `"employeeId" = gen_random_uuid()`,
  payloadHash: `"payloadHash" = repeat('0', 64)`,
  payloadRef: `"payloadRef" = jsonb_set("payloadRef", '{mediaType}', '"text/html"')`,
  metadata: `"metadata" = jsonb_set("metadata", '{template}', '"declaration@2"')`,
  leafHash: `"leafHash" = repeat('a', 64)`,
  createdAt: `"createdAt" = "createdAt" + interval '1 millisecond'`,
};

async function withEntryTampered<T>(index: number, change: string, check: () => Promise<T>): Promise<T> {
  const { row } = (await query<{ row: unknown }>(t.url, `SELECT to_jsonb(e) AS row FROM "EvidenceEntry" e WHERE index = $1`, [index]))[0]!;
  await tamper(t.url, `UPDATE "EvidenceEntry" SET ${change} WHERE index = $1`, [index]);
  try {
    return await check();
  } finally {
    const cols = ['type', 'subjectType', 'subjectId', 'employeeId', 'payloadHash', 'payloadRef', 'metadata', 'leafHash', 'createdAt'].map((c) => `"${c}" = r."${c}"`).join(', ');
    await tamper(t.url, `UPDATE "EvidenceEntry" SET ${cols} FROM jsonb_populate_record(NULL::"EvidenceEntry", $2::jsonb) r WHERE "EvidenceEntry".index = $1`, [index, JSON.stringify(row)]);
  }
}

describe('append-only ledger', () => {
  it('the untampered ledger verifies', async () => {
    const progress: number[] = [];
    expect(await verifyLedger(deps, { onProgress: (done) => progress.push(done) })).toEqual({ ok: true, entries: 4, heads: 2 });
    expect(progress.at(-1)).toBe(4);
  });

  it.each([
    ['UPDATE "EvidenceEntry" SET "type" = \'x\' WHERE index = 0', 'UPDATE on EvidenceEntry'],
    ['DELETE FROM "EvidenceEntry" WHERE index = 3', 'DELETE on EvidenceEntry'],
    ['TRUNCATE "EvidenceEntry"', 'TRUNCATE on EvidenceEntry'],
    ['UPDATE "TreeHead" SET "rootHash" = \'x\'', 'UPDATE on TreeHead'],
    ['DELETE FROM "TreeHead"', 'DELETE on TreeHead'],
    ['TRUNCATE "TreeHead"', 'TRUNCATE on TreeHead'],
  ])('the database refuses %s, even for the superuser', async (sql, message) => {
    await expect(query(t.url, sql)).rejects.toThrow(`evidence ledger is append-only: ${message} refused`);
    await expect(t.db.evidenceEntry.count()).resolves.toBe(4);
  });
});

describe('tampering is detected and names the entry', () => {
  it('one byte of a stored document changed on disk → entry #0 named', async () => {
    const file = join(filesDir, seeded.sha256.slice(0, 2), seeded.sha256);
    const original = readFileSync(file);
    const changed = Buffer.from(original);
    changed[10] = changed[10]! ^ 0x01;
    writeFileSync(file, changed);
    try {
      const result = await verifyLedger(deps);
      expect(result).toMatchObject({ ok: false, failure: { index: 0, type: 'signature' } });
      expect(!result.ok && result.failure.reason).toMatch(/文件内容已被改动/);
    } finally {
      writeFileSync(file, original);
    }
  });

  it.each(COLUMNS)('column %s of the file entry #0 changed → entry #0 named', async (column) => {
    const result = await withEntryTampered(0, CHANGES[column], () => verifyLedger(deps));
    expect(result).toMatchObject({ ok: false, failure: { index: 0 } });
  });

  it.each(COLUMNS.filter((c) => c !== 'employeeId'))('column %s of the row entry #1 changed → entry #1 named', async (column) => {
    const change = column === 'payloadRef' ? `"payloadRef" = jsonb_set("payloadRef", '{table}', '"Signature"')` : column === 'metadata' ? `"metadata" = '{"step": 1}'` : CHANGES[column];
    const result = await withEntryTampered(1, change, () => verifyLedger(deps));
    expect(result).toMatchObject({ ok: false, failure: { index: 1, type: expect.any(String) } });
  });

  it('an entry rewritten consistently (leaf hash recomputed too) is caught by the signed head over it', async () => {
    const entry = await t.db.evidenceEntry.findUniqueOrThrow({ where: { index: 3 } });
    const forged = { ...entry, metadata: { forged: true }, createdAt: entry.createdAt.toISOString() };
    const forgedLeaf = leafHash(entryLeafData(forged)).toString('hex');
    const result = await withEntryTampered(3, `"metadata" = '{"forged": true}', "leafHash" = '${forgedLeaf}'`, () => verifyLedger(deps));
    expect(result).toMatchObject({ ok: false, failure: { headSize: 4, reason: expect.stringMatching(/根哈希/) } });
  });

  it('the row behind a row payload changed (ApprovalDecision.comment) → entry #1 named', async () => {
    await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: '材料齐全，同意。' } });
    try {
      expect(await verifyLedger(deps)).toMatchObject({ ok: false, failure: { index: 1, type: 'approval.decision', reason: expect.stringMatching(/ApprovalDecision/) } });
    } finally {
      await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: seeded.decision.comment } });
    }
  });

  it('a deleted entry leaves a gap that is named', async () => {
    const { row } = (await query<{ row: unknown }>(t.url, `SELECT to_jsonb(e) AS row FROM "EvidenceEntry" e WHERE index = 2`))[0]!;
    await tamper(t.url, `DELETE FROM "EvidenceEntry" WHERE index = 2`);
    try {
      expect(await verifyLedger(deps)).toMatchObject({ ok: false, failure: { index: 2, reason: expect.stringMatching(/缺失/) } });
    } finally {
      await tamper(t.url, `INSERT INTO "EvidenceEntry" SELECT * FROM jsonb_populate_record(NULL::"EvidenceEntry", $1::jsonb)`, [JSON.stringify(row)]);
    }
  });

  it.each([
    ['rootHash', `"rootHash" = repeat('b', 64)`, /根哈希/],
    ['signature', `"signature" = encode(decode(repeat('c', 128), 'hex'), 'base64')`, /签名无效/],
    ['signedAt', `"signedAt" = "signedAt" + interval '1 second'`, /签名无效/],
    ['tsaToken', `"tsaToken" = '\\x3000'::bytea`, /时间戳/],
  ])('a signed head with %s changed → head named', async (_column, change, reason) => {
    const { row } = (await query<{ row: unknown }>(t.url, `SELECT to_jsonb(h) AS row FROM "TreeHead" h WHERE size = 2`))[0]!;
    await tamper(t.url, `UPDATE "TreeHead" SET ${change} WHERE size = 2`);
    try {
      expect(await verifyLedger(deps)).toMatchObject({ ok: false, failure: { headSize: 2, reason: expect.stringMatching(reason) } });
    } finally {
      await tamper(t.url, `DELETE FROM "TreeHead" WHERE size = 2`);
      await tamper(t.url, `INSERT INTO "TreeHead" SELECT * FROM jsonb_populate_record(NULL::"TreeHead", $1::jsonb)`, [JSON.stringify(row)]);
    }
    expect(await verifyLedger(deps)).toMatchObject({ ok: true });
  });

  it('heads signed by another key are rejected', async () => {
    expect(await verifyLedger({ ...deps, ledgerKey: generateLedgerKey() })).toMatchObject({ ok: false, failure: { headSize: 2, reason: expect.stringMatching(/keyId/) } });
  });

  it('every tamper above was undone: the ledger verifies again', async () => {
    expect(await verifyLedger(deps)).toEqual({ ok: true, entries: 4, heads: 2 });
  });
});

describe('appendEvidence', () => {
  it('20 concurrent appends in separate transactions get gap-free indexes', async () => {
    const s = await createTestDb();
    const sha256 = await storeDocument(s.deps, Buffer.from('并发'));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: `e${i}`, payload: { kind: 'file', sha256, mediaType: 'text/plain' }, metadata: { i }, at: new Date() }), { timeout: 30_000, maxWait: 30_000 }),
      ),
    );
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const sealed = await Promise.all([sealTreeHead(s.deps), sealTreeHead(s.deps)]);
    expect(sealed.map((h) => h.size)).toEqual([20, 20]);
    expect(sealed.filter((h) => h.created)).toHaveLength(1);
    expect(await verifyLedger(s.deps)).toEqual({ ok: true, entries: 20, heads: 1 });
  });

  it('rolls back with the caller: an aborted transaction leaves no entry and no gap', async () => {
    const before = await t.db.evidenceEntry.count();
    const decision = await makeDecision(deps);
    await expect(
      t.db.$transaction(async (tx) => {
        await appendEvidence(tx, { type: 'approval.decision', subjectType: 'approval', subjectId: decision.stepId, payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: {}, at: new Date() });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await t.db.evidenceEntry.count()).toBe(before);
  });

  it('refuses a file that was not stored, a malformed hash and a missing row', async () => {
    const append = (payload: Parameters<typeof appendEvidence>[1]['payload']) =>
      t.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: 'x', payload, metadata: {}, at: new Date() }));
    await expect(append({ kind: 'file', sha256: 'f'.repeat(64), mediaType: 'application/pdf' })).rejects.toThrow(/证据文件尚未保存/);
    await expect(append({ kind: 'file', sha256: '../etc/passwd', mediaType: 'application/pdf' })).rejects.toThrow(/SHA-256 无效/);
    await expect(append({ kind: 'row', table: 'ApprovalDecision', id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/记录不存在/);
    await expect(append({ kind: 'row', table: 'Employee' as never, id: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow(/不支持的数据表/);
  });
});
