// The words the verify page uses for the answer of POST /api/v1/evidence/verify (its shape is
// src/domain/views/evidence.ts). Pure: no DOM.
import { evidenceEntryLabel, evidenceSubjectLabels } from '../domain/evidence/evidence-labels.ts';

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
