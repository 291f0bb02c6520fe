// The pack timeline finds the events of its subjects plus the events filed elsewhere that name one
// of the pack's signatures or proofs (by containment on AuditEvent.data, served by a GIN index).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { adminActor } from '../../src/domain/actor.ts';
import { writeAuditEvent } from '../../src/services/audit/write-audit-event.ts';
import { loadPackTimeline } from '../../src/services/evidence/pack-timeline.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const deps = t.deps;
const [exceptionId, employeeId, signatureId, proofId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const actor = adminActor('203.0.113.9', 'test');
const declaration = (id: string) => ({ type: 'declaration.signed' as const, data: { signatureId: id, template: 'd@1', subjectType: 'insurance_exception', subjectId: exceptionId, documentSha256: 'a'.repeat(64) } });
const upload = (id: string) => ({ type: 'proof.uploaded' as const, data: { proofId: id, kind: 'OTHER', sha256: 'b'.repeat(64), size: 1, mediaType: 'image/jpeg' } });

await deps.db.$transaction(async (tx) => {
  await writeAuditEvent(tx, actor, declaration(signatureId), { type: 'employee', id: employeeId });
  await writeAuditEvent(tx, actor, upload(proofId), { type: 'employee', id: employeeId });
  await writeAuditEvent(tx, actor, { type: 'proof.read', data: { proofId } });
  // Same employee, other documents: not part of this case.
  await writeAuditEvent(tx, actor, declaration(randomUUID()), { type: 'employee', id: employeeId });
  await writeAuditEvent(tx, actor, upload(`${proofId}x`), { type: 'employee', id: employeeId });
  await writeAuditEvent(tx, actor, { type: 'evidence.pack_exported', data: { scope: 'case', entries: 1, treeSize: 1 } }, { type: 'insurance_exception', id: exceptionId });
});

const details = (rows: { type: string; details: string }[]) => rows.map((r) => `${r.type} ${r.details}`);

describe('loadPackTimeline', () => {
  it('adds the events naming the case’s signature and proof, and nothing else of the employee', async () => {
    const rows = await loadPackTimeline(deps, [{ type: 'insurance_exception', id: exceptionId }], [{ key: 'signatureId', id: signatureId }, { key: 'proofId', id: proofId }]);
    expect(rows.map((r) => r.type)).toEqual(['declaration.signed', 'proof.uploaded', 'proof.read', 'evidence.pack_exported']);
    expect(details(rows).join('\n')).toContain(signatureId);
    expect(rows.every((r) => r.ip === '203.0.113.9')).toBe(true);
  });

  it('finds named events without any subject, and nothing for unknown or hostile ids', async () => {
    expect((await loadPackTimeline(deps, [], [{ key: 'proofId', id: proofId }])).map((r) => r.type)).toEqual(['proof.uploaded', 'proof.read']);
    expect(await loadPackTimeline(deps, [], [{ key: 'signatureId', id: proofId }])).toEqual([]);
    expect(await loadPackTimeline(deps, [], [{ key: 'proofId', id: `${proofId}"}, "proofId": "x` }, { key: 'signatureId', id: "' OR 1=1 --" }])).toEqual([]);
    expect(await loadPackTimeline(deps, [], [])).toEqual([]);
  });

  it('can look the named events up through the GIN index instead of scanning the audit log', async () => {
    // The table is tiny here, so forbid the sequential scan to see whether the index applies at all.
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT id FROM "AuditEvent" WHERE data @> ANY($1::jsonb[])`, [[JSON.stringify({ proofId })]]);
      expect(plan.rows.map((p) => p['QUERY PLAN']).join('\n')).toContain('Bitmap Index Scan on "AuditEvent_data_idx"');
    } finally {
      await client.end();
    }
  });
});
