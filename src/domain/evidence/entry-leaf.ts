// The bytes a ledger entry's leaf hash covers: every column except the leaf hash itself, as
// RFC 8785 canonical JSON, so a change to any column (or to the key order a database returns)
// is caught by recomputing the leaf, and any JCS implementation reproduces the bytes.
import canonicalize from 'canonicalize';

export interface EntryLeafFields {
  index: number;
  type: string;
  subjectType: string;
  subjectId: string;
  employeeId: string | null;
  payloadHash: string;
  payloadRef: unknown;
  metadata: unknown;
  /** ISO 8601 with milliseconds, as stored (timestamptz(3)). */
  createdAt: string;
}

/** Canonical JSON (RFC 8785) of a JSON value; throws on values JSON cannot represent. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('value has no JSON representation');
  return text;
}

/**
 * @example leafHash(entryLeafData({ index: 0, type: 'document', …, createdAt: '2026-12-01T06:00:00.000Z' }))
 */
export function entryLeafData(e: EntryLeafFields): Buffer {
  const { index, type, subjectType, subjectId, employeeId, payloadHash, payloadRef, metadata, createdAt } = e;
  return Buffer.from(canonicalJson({ index, type, subjectType, subjectId, employeeId, payloadHash, payloadRef, metadata, createdAt }), 'utf8');
}
