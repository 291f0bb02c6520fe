// The leaf bytes of a stored ledger row: what entries/<index>.json holds in an evidence pack and
// what SHA-256(0x00 ‖ …) must turn into the row's leaf hash.
import type { EvidenceEntry } from '../../generated/prisma/client.ts';
import { entryLeafData } from '../../domain/evidence/entry-leaf.ts';

/** @example leafHash(entryLeafBytes(await db.evidenceEntry.findUniqueOrThrow({ where: { index: 0 } }))) */
export function entryLeafBytes(e: EvidenceEntry): Buffer {
  const { index, type, subjectType, subjectId, employeeId, payloadHash, payloadRef, metadata } = e;
  return entryLeafData({ index, type, subjectType, subjectId, employeeId, payloadHash, payloadRef, metadata, createdAt: e.createdAt.toISOString() });
}
