// Shapes of POST /api/v1/evidence/verify (src/http/routes/evidence-pack-routes.ts) and the words
// the verify page uses for them. Pure: no DOM.
import { evidenceEntryLabel, evidenceSubjectLabels } from '../domain/evidence/evidence-labels.ts';

export interface VerifiedEntry {
  index: number;
  type: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
}

export type VerifyResponse =
  | { kind: 'document'; authentic: boolean; recognised: boolean; sha256: string; reasons: string[]; entries: VerifiedEntry[]; treeSize?: number; signedAt?: string }
  | { kind: 'pack'; authentic: boolean; reasons: string[]; entries: number; treeSize: number; keyId: string; keyTrusted: boolean; signedAt?: string; timestampedAt?: string };

/** '签署的声明' for 'signature'; an unknown type as 「台账记录」, never its code. */
export const entryTypeLabel = evidenceEntryLabel;

/** 「社保例外」: what the entry is about, without its internal id. */
export const subjectLabel = (type: string): string => evidenceSubjectLabels[type] ?? '业务记录';

export const MAX_VERIFY_BYTES = 50 * 1024 * 1024;

/** A server reason split into its mark ('✅' passed, '❌' failed, 'ℹ️' note) and its text, so the page can draw an icon. */
export function splitReason(reason: string): { mark: 'pass' | 'fail' | 'info'; text: string } {
  if (reason.startsWith('✅')) return { mark: 'pass', text: reason.slice(1).trim() };
  if (reason.startsWith('❌')) return { mark: 'fail', text: reason.slice(1).trim() };
  return { mark: 'info', text: reason.replace(/^ℹ️?/u, '').trim() };
}
