// Stored files (proofs, drawn signatures, signed and exit documents) of employees who left more
// than the retention period ago are deleted from the file store (个人信息保护法 第四十七条). The
// evidence ledger is append-only and keeps every hash; each deletion is recorded first — a
// FileDeletion row and a ledgered `retention.file_deleted` audit event — so `evidence verify` and
// the evidence pack tell a lawful deletion (「原件已按保存期限删除」) from a missing file.
// A file also cited for someone still within their period (or for nobody) is kept.
import { systemActor } from '../../domain/actor.ts';
import { yearsBefore, type RetentionRules } from '../../domain/privacy/retention-rules.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';

const BATCH = 200;

interface Candidate {
  sha256: string;
  employeeId: string;
  type: string;
}

/** @example await deleteExpiredFiles(deps, { rules, asOf: '2029-01-10' }) // → 3 */
export async function deleteExpiredFiles(deps: Pick<ServiceDeps, 'db' | 'files' | 'now'>, o: { rules: RetentionRules; asOf: string; maxBatches?: number }): Promise<number> {
  const proofsBefore = yearsBefore(o.asOf, o.rules.proofsYearsAfterExit);
  const documentsBefore = yearsBefore(o.asOf, o.rules.contractsYearsAfterExit);
  const keepAfter = proofsBefore > documentsBefore ? documentsBefore : proofsBefore;
  let deleted = 0;
  for (let i = 0; i < (o.maxBatches ?? 50); i++) {
    const batch = await deps.db.$queryRaw<Candidate[]>`
      SELECT DISTINCT ON (x."payloadHash") x."payloadHash" AS "sha256", x."employeeId", x."type"
      FROM "EvidenceEntry" x JOIN "Employee" e ON e."id" = x."employeeId"
      WHERE x."payloadRef"->>'kind' = 'file' AND e."status" = 'EXITED' AND e."exitDate" IS NOT NULL
        AND e."exitDate" < (CASE WHEN x."type" = 'proof' THEN ${proofsBefore} ELSE ${documentsBefore} END)::date
        AND NOT EXISTS (SELECT 1 FROM "FileDeletion" d WHERE d."sha256" = x."payloadHash")
        AND NOT EXISTS (
          SELECT 1 FROM "EvidenceEntry" y LEFT JOIN "Employee" f ON f."id" = y."employeeId"
          WHERE y."payloadHash" = x."payloadHash"
            AND (f."id" IS NULL OR f."status" <> 'EXITED' OR f."exitDate" IS NULL OR f."exitDate" >= ${keepAfter}::date))
      ORDER BY x."payloadHash" LIMIT ${BATCH}`;
    for (const c of batch) {
      await recordDeletion(deps, c);
      await deps.files.delete(c.sha256);
      deleted++;
    }
    if (batch.length < BATCH) break;
  }
  return deleted;
}

async function recordDeletion(deps: Pick<ServiceDeps, 'db' | 'now'>, c: Candidate): Promise<void> {
  const now = deps.now();
  const recordType = c.type === 'proof' ? 'proof' : c.type === 'signature' ? 'signature' : 'document';
  const reason = recordType === 'proof' ? '证明材料保存期限届满' : '文书保存期限届满';
  await deps.db.$transaction(async (tx) => {
    await writeAuditEvent(tx, systemActor('data-retention', '保存期限清理'), { type: 'retention.file_deleted', data: { sha256: c.sha256, recordType, employeeId: c.employeeId, reason } }, { type: 'employee', id: c.employeeId });
    const event = await tx.auditEvent.findFirstOrThrow({ where: { type: 'retention.file_deleted', data: { path: ['sha256'], equals: c.sha256 } }, orderBy: { seq: 'desc' }, select: { id: true } });
    const { index } = await appendEvidence(tx, {
      type: 'retention.file_deleted', subjectType: 'employee', subjectId: c.employeeId, employeeId: c.employeeId,
      payload: { kind: 'row', table: 'AuditEvent', id: event.id }, metadata: { sha256: c.sha256, recordType, reason }, at: now,
    });
    await tx.fileDeletion.create({ data: { sha256: c.sha256, employeeId: c.employeeId, recordType, reason, deletedAt: now, evidenceIndex: index } });
  });
}

/**
 * Deletes again the bytes of recent deletions: a crash between recording a deletion and removing
 * the file leaves the bytes behind, and deleting is idempotent.
 */
export async function finishRecentDeletions(deps: Pick<ServiceDeps, 'db' | 'files'>, o: { since: Date }): Promise<void> {
  const recent = await deps.db.fileDeletion.findMany({ where: { deletedAt: { gte: o.since } }, select: { sha256: true }, take: 1000 });
  for (const d of recent) await deps.files.delete(d.sha256);
}
