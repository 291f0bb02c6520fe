// A small ledger for the evidence tests: a stored document, an approval decision (row payload)
// and a few more entries, sealed; plus the superuser tamper tool an attacker would use.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { appendEvidence } from '../../src/services/evidence/append-evidence.ts';
import { sealTreeHead } from '../../src/services/evidence/seal-tree-head.ts';
import type { ServiceDeps } from '../../src/services/deps.ts';

export const DOCUMENT = Buffer.from('%PDF-1.7\n声明：本人自愿……（测试文档）\n%%EOF\n');

export async function storeDocument(deps: ServiceDeps, bytes: Uint8Array, mediaType = 'application/pdf'): Promise<string> {
  const { sha256, size } = await deps.files.put(bytes);
  await deps.db.storedFile.upsert({ where: { sha256 }, create: { sha256, mediaType, size }, update: {} });
  return sha256;
}

export async function makeDecision(deps: ServiceDeps, comment = '材料齐全，同意') {
  const approval = await deps.db.approval.create({
    data: {
      definition: 'insurance-exception',
      subjectType: 'insurance_exception',
      subjectId: randomUUID(),
      title: '社保例外审批',
      summary: [],
      submitterId: randomUUID(),
      steps: { create: [{ index: 0, name: 'HR 经理审批', mode: 'any', approverIds: [] }] },
    },
    include: { steps: true },
  });
  return deps.db.approvalDecision.create({
    data: { stepId: approval.steps[0]!.id, approverId: randomUUID(), approverName: '王经理', decision: 'APPROVE', comment, channel: 'sandbox', at: new Date('2026-12-01T02:00:00.000Z') },
  });
}

/** Entries: #0 a document (file), #1 an approval decision (row), #2.. further documents. Sealed after #1 and at the end. */
export async function seedLedger(deps: ServiceDeps, extra = 2) {
  const employeeId = randomUUID();
  const sha256 = await storeDocument(deps, DOCUMENT);
  const decision = await makeDecision(deps);
  const at = new Date('2026-12-01T03:04:05.678Z');
  await deps.db.$transaction((tx) =>
    appendEvidence(tx, { type: 'signature', subjectType: 'insurance_exception', subjectId: 'ex-1', employeeId, payload: { kind: 'file', sha256, mediaType: 'application/pdf' }, metadata: { template: 'declaration@1', 页数: 1 }, at }),
  );
  await deps.db.$transaction((tx) =>
    appendEvidence(tx, { type: 'approval.decision', subjectType: 'approval', subjectId: decision.stepId, payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: { step: 0 }, at }),
  );
  await sealTreeHead(deps);
  for (let i = 0; i < extra; i++) {
    const more = await storeDocument(deps, Buffer.from(`附件 ${i}`), 'text/plain');
    await deps.db.$transaction((tx) => appendEvidence(tx, { type: 'document', subjectType: 'employee', subjectId: employeeId, employeeId, payload: { kind: 'file', sha256: more, mediaType: 'text/plain' }, metadata: {}, at }));
  }
  await sealTreeHead(deps);
  return { sha256, decision, employeeId };
}

/** Runs SQL as the database superuser with the append-only triggers switched off, as an attacker with DB access would. */
export async function tamper(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE "EvidenceEntry" DISABLE TRIGGER USER');
    await client.query('ALTER TABLE "TreeHead" DISABLE TRIGGER USER');
    await client.query(sql, params);
    await client.query('ALTER TABLE "EvidenceEntry" ENABLE TRIGGER USER');
    await client.query('ALTER TABLE "TreeHead" ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
