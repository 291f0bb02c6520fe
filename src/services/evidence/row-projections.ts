// What a 'row' evidence entry commits to: the evidential columns of one database row, as JSON.
// Columns that legitimately change later (version, updatedAt, status of a case, the back-pointer
// to the entry itself) are left out, so the ledger flags tampering and not ordinary bookkeeping.
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';

export type EvidenceRowTable = 'ApprovalDecision' | 'Signature' | 'Proof' | 'InsuranceException' | 'AuditEvent';

export const evidenceRowTables: readonly EvidenceRowTable[] = ['ApprovalDecision', 'Signature', 'Proof', 'InsuranceException', 'AuditEvent'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Dates as ISO strings, bigints as decimal strings, everything else as JSON already is. */
function jsonOf(row: Record<string, unknown>, omit: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (omit.includes(key)) continue;
    out[key] = value instanceof Date ? value.toISOString() : typeof value === 'bigint' ? value.toString() : value;
  }
  return out;
}

async function load(db: Db | Tx, table: EvidenceRowTable, id: string): Promise<Record<string, unknown> | null> {
  switch (table) {
    case 'ApprovalDecision':
      return db.approvalDecision.findUnique({ where: { id } });
    case 'Signature':
      // evidenceIndex points back at the ledger entry, so it cannot be part of what the entry hashes.
      return db.signature.findUnique({ where: { id }, omit: { evidenceIndex: true } });
    case 'Proof':
      return db.proof.findUnique({ where: { id }, omit: { evidenceIndex: true } });
    case 'InsuranceException':
      // Its status, approval and re-verification dates move on; what was claimed, and when, does not.
      return db.insuranceException.findUnique({
        where: { id },
        select: { id: true, employeeId: true, kind: true, reasonCategory: true, reasonNote: true, createdAt: true },
      });
    case 'AuditEvent':
      return db.auditEvent.findUnique({ where: { id } });
  }
}

/**
 * Loads the row and returns its evidential columns as plain JSON.
 * @example await projectEvidenceRow(tx, 'ApprovalDecision', decision.id) // → { id, stepId, decision, comment, at: '2026-…Z', … }
 */
export async function projectEvidenceRow(db: Db | Tx, table: EvidenceRowTable, id: string): Promise<Record<string, unknown>> {
  if (!evidenceRowTables.includes(table)) throw new AppError('validation_failed', `证据台账不支持的数据表：${String(table)}`);
  const row = UUID.test(id) ? await load(db, table, id) : null;
  if (!row) throw new AppError('not_found', `证据引用的记录不存在：${table} ${id}`);
  return jsonOf(row);
}
