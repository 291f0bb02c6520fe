// verifyLedger loads a batch's payloads set-based (one query per row table, one StoredFile query,
// documents a few at a time) and still judges entries in index order: with several tampered
// entries in one batch, the first one is named, with the same message a lone tamper gets.
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { projectEvidenceRow, projectEvidenceRows, type EvidenceRowTable } from '../../src/services/evidence/row-projections.ts';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { seedLedger } from './ledger-fixture.ts';

const t = await createTestDb();
const filesDir = mkdtempSync(join(tmpdir(), 'sentinel-ledger-batch-'));
const deps = { ...t.deps, files: createLocalFileStore(filesDir) };
// #0 a document, #1 an approval decision (row), #2..#4 further documents.
const seeded = await seedLedger(deps, 3);
const shaOf = async (index: number) => (await t.db.evidenceEntry.findUniqueOrThrow({ where: { index } })).payloadHash;

describe('projectEvidenceRows (the batched projection)', () => {
  it('gives exactly what projectEvidenceRow gives, keyed by the id as asked for', async () => {
    const id = seeded.decision.id;
    const single = await projectEvidenceRow(t.db, 'ApprovalDecision', id);
    const batch = await projectEvidenceRows(t.db, 'ApprovalDecision', [id, id.toUpperCase(), 'not-a-uuid', randomUUID()]);
    expect([...batch.keys()]).toEqual([id, id.toUpperCase()]);
    expect(batch.get(id)).toEqual(single);
    expect(batch.get(id.toUpperCase())).toEqual(single);
  });

  it('answers an empty list with an empty map and refuses a table the ledger does not support', async () => {
    await expect(projectEvidenceRows(t.db, 'Signature', [])).resolves.toEqual(new Map());
    await expect(projectEvidenceRows(t.db, 'Employee' as EvidenceRowTable, [randomUUID()])).rejects.toThrow('证据台账不支持的数据表：Employee');
    await expect(projectEvidenceRow(t.db, 'ApprovalDecision', randomUUID())).rejects.toThrow(/证据引用的记录不存在：ApprovalDecision/);
  });
});

describe('verifyLedger with several tampered entries in one batch', () => {
  it('names the first in index order, then the next once that is undone', async () => {
    const sha3 = await shaOf(3);
    const file3 = join(filesDir, sha3.slice(0, 2), sha3);
    renameSync(file3, `${file3}.gone`);
    await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: '改过的意见' } });
    try {
      expect(await verifyLedger(deps)).toEqual({
        ok: false, entries: 5, heads: 2,
        failure: { index: 1, type: 'approval.decision', reason: `ApprovalDecision ${seeded.decision.id} 的内容已被改动 (referenced row changed)` },
      });
      await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: seeded.decision.comment } });
      const result = await verifyLedger(deps);
      expect(result).toMatchObject({ ok: false, failure: { index: 3, type: 'document' } });
      expect(!result.ok && result.failure.reason).toMatch(/^文件无法读取：.+ \(stored document missing\)$/);
    } finally {
      renameSync(`${file3}.gone`, file3);
      await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: seeded.decision.comment } });
    }
    expect(await verifyLedger(deps)).toEqual({ ok: true, entries: 5, heads: 2 });
  });

  it('a deleted row and a deleted StoredFile row: the earlier entry is named, with the lone-lookup message', async () => {
    const sha2 = await shaOf(2);
    const stored = await t.db.storedFile.findUniqueOrThrow({ where: { sha256: sha2 } });
    const { id, ...decision } = seeded.decision;
    await t.db.storedFile.delete({ where: { sha256: sha2 } });
    await t.db.approvalDecision.delete({ where: { id } });
    try {
      expect(await verifyLedger(deps)).toMatchObject({ ok: false, failure: { index: 1, reason: `证据引用的记录不存在：ApprovalDecision ${id} (referenced row missing)` } });
      await t.db.approvalDecision.create({ data: { id, ...decision } });
      expect(await verifyLedger(deps)).toMatchObject({ ok: false, failure: { index: 2, reason: `文件登记（StoredFile）缺失：${sha2} (stored file row missing)` } });
    } finally {
      await t.db.storedFile.upsert({ where: { sha256: sha2 }, create: stored, update: {} });
      if (!(await t.db.approvalDecision.findUnique({ where: { id } }))) await t.db.approvalDecision.create({ data: { id, ...decision } });
    }
    expect(await verifyLedger(deps)).toEqual({ ok: true, entries: 5, heads: 2 });
  });
});
