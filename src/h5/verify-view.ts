// Shapes of POST /api/v1/evidence/verify (src/http/routes/evidence-pack-routes.ts) and the words
// the verify page uses for them. Pure: no DOM.
export interface VerifiedEntry {
  index: number;
  type: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
}

export type VerifyResponse =
  | { kind: 'document'; authentic: boolean; sha256: string; reasons: string[]; entries: VerifiedEntry[]; treeSize?: number; signedAt?: string }
  | { kind: 'pack'; authentic: boolean; reasons: string[]; entries: number; treeSize: number; keyId: string; keyTrusted: boolean; signedAt?: string; timestampedAt?: string };

const entryTypes: Record<string, string> = {
  signature: '签署的声明',
  proof: '证明材料',
  'approval.decision': '审批决定',
  document: '文件',
};

const subjectTypes: Record<string, string> = {
  insurance_exception: '社保例外',
  employee: '员工',
  approval: '审批',
};

/** '签署的声明' for 'signature'; unknown types as they are. */
export const entryTypeLabel = (type: string): string => entryTypes[type] ?? type;

/** '社保例外 3f2c1a…' */
export const subjectLabel = (type: string, id: string): string => `${subjectTypes[type] ?? type} ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`;

export const MAX_VERIFY_BYTES = 50 * 1024 * 1024;

/** A server reason split into its mark ('✅' passed, '❌' failed, 'ℹ️' note) and its text, so the page can draw an icon. */
export function splitReason(reason: string): { mark: 'pass' | 'fail' | 'info'; text: string } {
  if (reason.startsWith('✅')) return { mark: 'pass', text: reason.slice(1).trim() };
  if (reason.startsWith('❌')) return { mark: 'fail', text: reason.slice(1).trim() };
  return { mark: 'info', text: reason.replace(/^ℹ️?/u, '').trim() };
}
