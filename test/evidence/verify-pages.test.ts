// verifyLedger reads the ledger in keyset pages and loads the next page (and its payloads) while
// judging the current one. A tampered document, a changed row or a missing entry on a later page
// or right at a page boundary is still found and named, and signed heads inside a page are checked.
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../src/services/evidence/verify-ledger.ts';
import { createLocalFileStore } from '../../src/storage/local-file-store.ts';
import { createTestDb } from '../helpers/test-db.ts';
import { query, seedLedger, tamper } from './ledger-fixture.ts';

const t = await createTestDb();
const filesDir = mkdtempSync(join(tmpdir(), 'sentinel-verify-pages-'));
const deps = { ...t.deps, files: createLocalFileStore(filesDir) };
// #0 a document, #1 an approval decision (row), #2..#7 further documents; heads at 2 and 8.
const seeded = await seedLedger(deps, 6);
const PAGE = 3;

describe('verifyLedger in pages of 3', () => {
  it('verifies the whole ledger, the head after entry #1 included', async () => {
    expect(await verifyLedger(deps, { page: PAGE })).toEqual({ ok: true, entries: 8, heads: 2 });
    expect(await verifyLedger(deps, { page: 1 })).toEqual({ ok: true, entries: 8, heads: 2 });
  });

  it('names a document missing on the last page', async () => {
    const { payloadHash } = await t.db.evidenceEntry.findUniqueOrThrow({ where: { index: 7 } });
    const file = join(filesDir, payloadHash.slice(0, 2), payloadHash);
    renameSync(file, `${file}.gone`);
    try {
      const result = await verifyLedger(deps, { page: PAGE });
      expect(result).toMatchObject({ ok: false, failure: { index: 7, type: 'document' } });
      expect(!result.ok && result.failure.reason).toMatch(/^文件无法读取：.+ \(stored document missing\)$/);
    } finally {
      renameSync(`${file}.gone`, file);
    }
  });

  it('names a changed entry column on the second page and a gap at a page boundary', async () => {
    await tamper(t.url, `UPDATE "EvidenceEntry" SET metadata = '{"x":1}'::jsonb WHERE index = 4`);
    try {
      expect(await verifyLedger(deps, { page: PAGE })).toMatchObject({ ok: false, failure: { index: 4, reason: expect.stringContaining('entry columns do not match its leaf hash') } });
    } finally {
      await tamper(t.url, `UPDATE "EvidenceEntry" SET metadata = '{}'::jsonb WHERE index = 4`);
    }
    const [row] = await query<{ row: unknown }>(t.url, `SELECT to_jsonb(e) AS row FROM "EvidenceEntry" e WHERE index = 3`);
    await tamper(t.url, `DELETE FROM "EvidenceEntry" WHERE index = 3`);
    try {
      expect(await verifyLedger(deps, { page: PAGE })).toMatchObject({ ok: false, failure: { index: 3, reason: '条目 #3 缺失，序号不连续 (entry missing)' } });
    } finally {
      await tamper(t.url, `INSERT INTO "EvidenceEntry" SELECT * FROM jsonb_populate_record(NULL::"EvidenceEntry", $1::jsonb)`, [JSON.stringify(row!.row)]);
    }
    await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: '改过的意见' } });
    try {
      expect(await verifyLedger(deps, { page: PAGE })).toMatchObject({ ok: false, failure: { index: 1, type: 'approval.decision' } });
    } finally {
      await t.db.approvalDecision.update({ where: { id: seeded.decision.id }, data: { comment: seeded.decision.comment } });
    }
    expect(await verifyLedger(deps, { page: PAGE })).toEqual({ ok: true, entries: 8, heads: 2 });
  });
});
