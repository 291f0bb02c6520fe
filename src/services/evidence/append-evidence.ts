// Appends entries to the evidence ledger inside the caller's transaction, so the evidence
// commits (or rolls back) together with the change it proves. Appends are serialized by an
// advisory lock, which keeps the indexes gap-free: index n is always the (n+1)-th leaf. A writer
// with many entries (a sweep, a pack, an import) appends them in one call: one lock, one INSERT,
// one commit for the batch, which is what lets the ledger take thousands of entries a second.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../../db/client.ts';
import { canonicalJson, entryLeafData } from '../../domain/evidence/entry-leaf.ts';
import { leafHash } from '../../domain/evidence/merkle.ts';
import { hashPayloads, type EvidencePayload } from './payload-hashes.ts';

export type { EvidencePayload } from './payload-hashes.ts';

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

export interface AppendedEvidence {
  index: number;
  leafHash: string;
}

/** Entries per call: the batching rule's bound on rows per transaction. */
export const MAX_EVIDENCE_BATCH = 500;

/**
 * Appends the inputs in order as consecutive indexes. For a file, store the bytes
 * (deps.files.put) and its StoredFile row first. Throws before anything is written when any
 * payload cannot be ledgered (the caller's transaction then rolls back as a whole).
 * @example
 *   await deps.db.$transaction(async (tx) => {
 *     const events = await writeAuditEvents(tx, actor, items);
 *     await appendEvidenceMany(tx, events.map((e) => ({ type: 'card.sent', subjectType: 'employee', subjectId: e.subjectId,
 *       payload: { kind: 'row', table: 'AuditEvent', id: e.id }, metadata: {}, at: deps.now() })));
 *   });
 *   await sealTreeHead(deps);
 */
export async function appendEvidenceMany(tx: Tx, inputs: readonly AppendEvidenceInput[]): Promise<AppendedEvidence[]> {
  if (inputs.length === 0) return [];
  if (inputs.length > MAX_EVIDENCE_BATCH) throw new RangeError(`appendEvidenceMany takes at most ${MAX_EVIDENCE_BATCH} entries per call, got ${inputs.length}`);
  const hashed = await hashPayloads(tx, inputs.map((input) => input.payload));
  // Round-trip through JSON so what is hashed is exactly what jsonb gives back later.
  const prepared = inputs.map((input, i) => ({
    type: input.type,
    subjectType: input.subjectType,
    subjectId: input.subjectId,
    employeeId: input.employeeId ?? null,
    ...hashed[i]!,
    metadata: JSON.parse(canonicalJson(input.metadata)) as Prisma.InputJsonObject,
    createdAt: new Date(input.at.getTime()),
  }));
  // Serializes appenders until commit; the next index is read only after the lock is held.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('shebao-sentinel:evidence-ledger', 0))`;
  const last = await tx.evidenceEntry.findFirst({ orderBy: { index: 'desc' }, select: { index: true } });
  const first = last ? last.index + 1 : 0;
  const rows = prepared.map(({ createdAt, ...fields }, i) => {
    const index = first + i;
    const hash = leafHash(entryLeafData({ index, ...fields, createdAt: createdAt.toISOString() })).toString('hex');
    return { index, ...fields, leafHash: hash, createdAt };
  });
  // One INSERT from arrays: Prisma's createMany costs several times as much client CPU per row,
  // and that CPU is spent while the ledger lock is held.
  await tx.$executeRaw`
    INSERT INTO "EvidenceEntry" ("index", "type", "subjectType", "subjectId", "employeeId", "payloadHash", "payloadRef", "metadata", "leafHash", "createdAt")
    SELECT * FROM unnest(${rows.map((r) => r.index)}::int[], ${rows.map((r) => r.type)}::text[], ${rows.map((r) => r.subjectType)}::text[],
      ${rows.map((r) => r.subjectId)}::text[], ${rows.map((r) => r.employeeId)}::uuid[], ${rows.map((r) => r.payloadHash)}::text[],
      ${rows.map((r) => JSON.stringify(r.payloadRef))}::jsonb[], ${rows.map((r) => JSON.stringify(r.metadata))}::jsonb[],
      ${rows.map((r) => r.leafHash)}::text[], ${rows.map((r) => r.createdAt.toISOString())}::timestamptz[])`;
  return rows.map((row) => ({ index: row.index, leafHash: row.leafHash }));
}

/**
 * The one-entry case of appendEvidenceMany (same code path).
 * @example
 *   await deps.db.$transaction(async (tx) => {
 *     const decision = await tx.approvalDecision.create({ data });
 *     await appendEvidence(tx, { type: 'approval.decision', subjectType: 'approval', subjectId: approval.id,
 *       payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: {}, at: deps.now() });
 *   });
 *   await sealTreeHead(deps);
 */
export async function appendEvidence(tx: Tx, input: AppendEvidenceInput): Promise<AppendedEvidence> {
  const [appended] = await appendEvidenceMany(tx, [input]);
  return appended!;
}
