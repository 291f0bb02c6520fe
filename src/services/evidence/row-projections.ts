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

/** The evidential columns of the rows with these ids; single and batched projections share it. */
async function loadMany(db: Db | Tx, table: EvidenceRowTable, ids: string[]): Promise<Record<string, unknown>[]> {
  const where = { id: { in: ids } };
  switch (table) {
    case 'ApprovalDecision':
      return db.approvalDecision.findMany({ where });
    case 'Signature':
      // evidenceIndex points back at the ledger entry, so it cannot be part of what the entry hashes.
      return db.signature.findMany({ where, omit: { evidenceIndex: true } });
    case 'Proof':
      return db.proof.findMany({ where, omit: { evidenceIndex: true } });
    case 'InsuranceException':
      // Its status, approval and re-verification dates move on; what was claimed, and when, does not.
      return db.insuranceException.findMany({
        where,
        select: { id: true, employeeId: true, kind: true, reasonCategory: true, reasonNote: true, createdAt: true },
      });
    case 'AuditEvent':
      return db.auditEvent.findMany({ where });
  }
}

/** The error projectEvidenceRow throws for a row that does not exist (verifyLedger reports its message). */
export const missingEvidenceRow = (table: EvidenceRowTable, id: string) => new AppError('not_found', `证据引用的记录不存在：${table} ${id}`);

/**
 * Loads many rows of one table in one query; ids that are not UUIDs or have no row are absent
 * from the map. projectEvidenceRow goes through here too, so the two can never disagree.
 * @example const rows = await projectEvidenceRows(db, 'AuditEvent', ids); rows.get(ids[0]) // → { id, type, … } | undefined
 */
export async function projectEvidenceRows(db: Db | Tx, table: EvidenceRowTable, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (!evidenceRowTables.includes(table)) throw new AppError('validation_failed', `证据台账不支持的数据表：${String(table)}`);
  const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
  const rows = wanted.length ? await loadMany(db, table, wanted) : [];
  // uuid columns match case-insensitively and come back lower-case; key by the id as asked for.
  const found = new Map(rows.map((row) => [String(row.id).toLowerCase(), row]));
  const out = new Map<string, Record<string, unknown>>();
  for (const id of wanted) {
    const row = found.get(id.toLowerCase());
    if (row) out.set(id, jsonOf(row));
  }
  return out;
}

/**
 * Loads the row and returns its evidential columns as plain JSON.
 * @example await projectEvidenceRow(tx, 'ApprovalDecision', decision.id) // → { id, stepId, decision, comment, at: '2026-…Z', … }
 */
export async function projectEvidenceRow(db: Db | Tx, table: EvidenceRowTable, id: string): Promise<Record<string, unknown>> {
  const row = (await projectEvidenceRows(db, table, [id])).get(id);
  if (!row) throw missingEvidenceRow(table, id);
  return row;
}
