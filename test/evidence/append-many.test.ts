// appendEvidenceMany: a batch of entries under one lock and one INSERT. The indexes stay
// gap-free (also with two instances appending batches at once), the leaves are exactly those
// one-by-one appends produce, and the batch commits or rolls back with the caller's transaction.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { appendEvidence, appendEvidenceMany, MAX_EVIDENCE_BATCH, type AppendEvidenceInput } from '../../src/services/evidence/append-evidence.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import { storeDocument } from './ledger-fixture.ts';

const AT = new Date('2026-12-01T03:04:05.678Z');
const EVENT_IDS = ['5a0d3c1e-7b2f-4c8a-9e61-0f1d2c3b4a51', '5a0d3c1e-7b2f-4c8a-9e61-0f1d2c3b4a52'];

/** A fresh ledger database with the same two documents and the same two audit-event rows. */
async function ledgerDb(): Promise<TestDb & { inputs: AppendEvidenceInput[] }> {
  const t = await createTestDb();
  const deps = { ...t.deps, files: createLocalFileStore(mkdtempSync(join(tmpdir(), 'sentinel-append-many-'))) };
  const docs = [await storeDocument(deps, Buffer.from('劳动合同（测试）')), await storeDocument(deps, Buffer.from('参保证明（测试）'))];
  for (const [i, id] of EVENT_IDS.entries()) {
    await t.db.auditEvent.create({ data: { id, type: 'card.sent', actor: { kind: 'system', id: 'test', name: '测试' }, subjectType: 'employee', subjectId: `e${i}`, data: { cardKey: `k${i}` }, at: AT } });
  }
  const inputs: AppendEvidenceInput[] = [
    { type: 'document', subjectType: 'employee', subjectId: 'e0', employeeId: null, payload: { kind: 'file', sha256: docs[0]!, mediaType: 'text/plain' }, metadata: { 页: 1, b: [1, 2] }, at: AT },
    { type: 'card.sent', subjectType: 'employee', subjectId: 'e0', payload: { kind: 'row', table: 'AuditEvent', id: EVENT_IDS[0]! }, metadata: {}, at: AT },
    { type: 'document', subjectType: 'employee', subjectId: 'e1', payload: { kind: 'file', sha256: docs[1]!, mediaType: 'text/plain' }, metadata: { z: 'last', a: 'first' }, at: AT },
    { type: 'card.sent', subjectType: 'employee', subjectId: 'e1', payload: { kind: 'row', table: 'AuditEvent', id: EVENT_IDS[1]! }, metadata: { n: 2 }, at: AT },
    // The same document twice in one batch is two entries.
    { type: 'document', subjectType: 'employee', subjectId: 'e1', payload: { kind: 'file', sha256: docs[1]!, mediaType: 'text/plain' }, metadata: {}, at: AT },
  ];
  return { ...t, deps, inputs };
}

const entries = (t: TestDb) => t.db.evidenceEntry.findMany({ orderBy: { index: 'asc' } });

describe('appendEvidenceMany', () => {
  it('gives consecutive indexes and exactly the leaves of one-by-one appends', async () => {
    const [one, many] = [await ledgerDb(), await ledgerDb()];
    for (const input of one.inputs) await one.db.$transaction((tx) => appendEvidence(tx, input));
    const appended = await many.db.$transaction((tx) => appendEvidenceMany(tx, many.inputs));
    expect(appended.map((a) => a.index)).toEqual([0, 1, 2, 3, 4]);
    const [a, b] = [await entries(one), await entries(many)];
    expect(b).toEqual(a);
    expect(appended.map((x) => x.leafHash)).toEqual(a.map((e) => e.leafHash));
    expect(await verifyLedger(many.deps)).toEqual({ ok: true, entries: 5, heads: 0 });
    // The next batch continues where the last one ended.
    const next = await many.db.$transaction((tx) => appendEvidenceMany(tx, many.inputs.slice(0, 2)));
    expect(next.map((x) => x.index)).toEqual([5, 6]);
  });

  it('rolls back with the caller, and a bad payload anywhere in the batch writes nothing', async () => {
    const t = await ledgerDb();
    await expect(
      t.db.$transaction(async (tx) => {
        await appendEvidenceMany(tx, t.inputs);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    const missing = { ...t.inputs[1]!, payload: { kind: 'row' as const, table: 'AuditEvent' as const, id: '00000000-0000-4000-8000-000000000000' } };
    await expect(t.db.$transaction((tx) => appendEvidenceMany(tx, [...t.inputs, missing]))).rejects.toThrow(/证据引用的记录不存在：AuditEvent/);
    const unstored = { ...t.inputs[0]!, payload: { kind: 'file' as const, sha256: 'f'.repeat(64), mediaType: 'application/pdf' } };
    await expect(t.db.$transaction((tx) => appendEvidenceMany(tx, [unstored, ...t.inputs]))).rejects.toThrow(/证据文件尚未保存/);
    expect(await t.db.evidenceEntry.count()).toBe(0);
    // No gap: the first entry that does commit is #0.
    expect((await t.db.$transaction((tx) => appendEvidence(tx, t.inputs[0]!))).index).toBe(0);
  });

  it('refuses more than MAX_EVIDENCE_BATCH entries and accepts an empty batch', async () => {
    const t = await ledgerDb();
    const tooMany = Array.from({ length: MAX_EVIDENCE_BATCH + 1 }, () => t.inputs[0]!);
    await expect(t.db.$transaction((tx) => appendEvidenceMany(tx, tooMany))).rejects.toThrow(RangeError);
    await expect(t.db.$transaction((tx) => appendEvidenceMany(tx, []))).resolves.toEqual([]);
    expect(await t.db.evidenceEntry.count()).toBe(0);
  });

  it('two instances appending batches at once: gap-free, each batch contiguous, the ledger verifies', async () => {
    const t = await ledgerDb();
    const second = createDb(t.url, 3);
    try {
      const batch = Array.from({ length: 40 }, (_, i) => ({ ...t.inputs[i % t.inputs.length]!, metadata: { i } }));
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, k) => (k % 2 ? second : t.db).$transaction((tx) => appendEvidenceMany(tx, batch), { timeout: 30_000, maxWait: 30_000 })),
      );
      for (const r of results) expect(r.map((x) => x.index)).toEqual(Array.from({ length: 40 }, (_, i) => r[0]!.index + i));
      expect(results.flat().map((x) => x.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 320 }, (_, i) => i));
      expect(await verifyLedger(t.deps)).toEqual({ ok: true, entries: 320, heads: 0 });
    } finally {
      await second.$disconnect();
    }
  });
});
