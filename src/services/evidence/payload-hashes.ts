// The payload hashes of a batch of evidence inputs, set-based: one StoredFile query for all the
// documents and one projection query per row table (at most five), never one query per entry.
// Runs before the ledger lock is taken, so the lock is held only for numbering and the INSERT.
import { hash } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../../db/client.ts';
import { canonicalJson } from '../../domain/evidence/entry-leaf.ts';
import { AppError } from '../../errors.ts';
import { missingEvidenceRow, projectEvidenceRows, type EvidenceRowTable } from './row-projections.ts';

export type EvidencePayload = { kind: 'file'; sha256: string; mediaType: string } | { kind: 'row'; table: EvidenceRowTable; id: string };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (data: Uint8Array | string) => hash('sha256', data, 'hex');

/** SHA-256 of a row payload: the canonical JSON of its projection. */
export const projectionHash = (projection: Record<string, unknown>) => sha256Hex(canonicalJson(projection));

export interface HashedPayload {
  payloadHash: string;
  payloadRef: Prisma.InputJsonObject;
}

/**
 * Throws (AppError, Chinese message) for the first payload that cannot be ledgered: a malformed
 * document hash, a document with no StoredFile row, a row that does not exist.
 * @example const [h] = await hashPayloads(tx, [{ kind: 'row', table: 'AuditEvent', id }]); h.payloadHash // → '3f1c…'
 */
export async function hashPayloads(tx: Tx, payloads: readonly EvidencePayload[]): Promise<HashedPayload[]> {
  const shas = new Set<string>();
  const rowIds = new Map<EvidenceRowTable, string[]>();
  for (const payload of payloads) {
    if (payload.kind === 'file') {
      if (!SHA256_HEX.test(payload.sha256)) throw new AppError('validation_failed', `证据文件的 SHA-256 无效：${payload.sha256.slice(0, 80)}`);
      shas.add(payload.sha256);
    } else {
      const ids = rowIds.get(payload.table);
      if (ids) ids.push(payload.id);
      else rowIds.set(payload.table, [payload.id]);
    }
  }
  const stored = shas.size ? await tx.storedFile.findMany({ where: { sha256: { in: [...shas] } }, select: { sha256: true } }) : [];
  const storedShas = new Set(stored.map((f) => f.sha256));
  const rowHashes = new Map<EvidenceRowTable, Map<string, string>>();
  for (const [table, ids] of rowIds) {
    const hashes = new Map<string, string>();
    for (const [id, projection] of await projectEvidenceRows(tx, table, ids)) hashes.set(id, projectionHash(projection));
    rowHashes.set(table, hashes);
  }
  return payloads.map((payload): HashedPayload => {
    if (payload.kind === 'file') {
      if (!storedShas.has(payload.sha256)) throw new AppError('not_found', `证据文件尚未保存：${payload.sha256}`);
      return { payloadHash: payload.sha256, payloadRef: { kind: 'file', sha256: payload.sha256, mediaType: payload.mediaType } };
    }
    const payloadHash = rowHashes.get(payload.table)?.get(payload.id);
    if (payloadHash === undefined) throw missingEvidenceRow(payload.table, payload.id);
    return { payloadHash, payloadRef: { kind: 'row', table: payload.table, id: payload.id } };
  });
}
