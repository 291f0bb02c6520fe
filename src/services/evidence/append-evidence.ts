// Appends one entry to the evidence ledger inside the caller's transaction, so the evidence
// commits (or rolls back) together with the change it proves. Appends are serialized by an
// advisory lock, which keeps the indexes gap-free: index n is always the (n+1)-th leaf.
import { createHash } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../../db/client.ts';
import { canonicalJson, entryLeafData } from '../../domain/evidence/entry-leaf.ts';
import { leafHash } from '../../domain/evidence/merkle.ts';
import { AppError } from '../../errors.ts';
import { projectEvidenceRow, type EvidenceRowTable } from './row-projections.ts';

export type EvidencePayload = { kind: 'file'; sha256: string; mediaType: string } | { kind: 'row'; table: EvidenceRowTable; id: string };

export interface AppendEvidenceInput {
  /** e.g. 'signature', 'proof', 'approval.decision', 'document'. */
  type: string;
  subjectType: string;
  subjectId: string;
  employeeId?: string | null;
  payload: EvidencePayload;
  metadata: Record<string, unknown>;
  at: Date;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** SHA-256 of a row payload: the canonical JSON of its projection. */
export const projectionHash = (projection: Record<string, unknown>) => sha256Hex(canonicalJson(projection));

/** @example await rowPayloadHash(tx, 'AuditEvent', event.id) // → '3f1c…' (64 hex) */
export async function rowPayloadHash(tx: Parameters<typeof projectEvidenceRow>[0], table: EvidenceRowTable, id: string): Promise<string> {
  return projectionHash(await projectEvidenceRow(tx, table, id));
}

/**
 * For a file, store the bytes (deps.files.put) and its StoredFile row first.
 * @example
 *   await deps.db.$transaction(async (tx) => {
 *     const decision = await tx.approvalDecision.create({ data });
 *     await appendEvidence(tx, { type: 'approval.decision', subjectType: 'approval', subjectId: approval.id,
 *       payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: {}, at: deps.now() });
 *   });
 *   await sealTreeHead(deps);
 */
export async function appendEvidence(tx: Tx, input: AppendEvidenceInput): Promise<{ index: number; leafHash: string }> {
  const { payload } = input;
  let payloadHash: string;
  let payloadRef: Prisma.InputJsonObject;
  if (payload.kind === 'file') {
    if (!SHA256_HEX.test(payload.sha256)) throw new AppError('validation_failed', `证据文件的 SHA-256 无效：${payload.sha256.slice(0, 80)}`);
    const stored = await tx.storedFile.findUnique({ where: { sha256: payload.sha256 } });
    if (!stored) throw new AppError('not_found', `证据文件尚未保存：${payload.sha256}`);
    payloadHash = payload.sha256;
    payloadRef = { kind: 'file', sha256: payload.sha256, mediaType: payload.mediaType };
  } else {
    payloadHash = await rowPayloadHash(tx, payload.table, payload.id);
    payloadRef = { kind: 'row', table: payload.table, id: payload.id };
  }
  // Serializes appenders until commit; the next index is read only after the lock is held.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('shebao-sentinel:evidence-ledger', 0))`;
  const last = await tx.evidenceEntry.findFirst({ orderBy: { index: 'desc' }, select: { index: true } });
  const index = last ? last.index + 1 : 0;
  // Round-trip through JSON so what is hashed is exactly what jsonb gives back later.
  const metadata = JSON.parse(canonicalJson(input.metadata)) as Prisma.InputJsonObject;
  const createdAt = new Date(input.at.getTime());
  const fields = {
    index,
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    employeeId: input.employeeId ?? null,
    payloadHash,
    payloadRef,
    metadata,
  };
  const hash = leafHash(entryLeafData({ ...fields, createdAt: createdAt.toISOString() })).toString('hex');
  await tx.evidenceEntry.create({ data: { ...fields, leafHash: hash, createdAt } });
  return { index, leafHash: hash };
}
