// Shapes of the declaration, signature and proof responses (see src/services/signatures and
// src/services/proofs), as the H5 pages read them.
export interface DeclarationResponse {
  template: string;
  subjectType: string;
  subjectId: string;
  employeeId: string;
  content: { title: string; paragraphs: string[]; facts: { label: string; value: string }[] };
  statement: string;
  canSign: boolean;
  closed: string | null;
  signed: { signatureId: string; signedAt: string; documentUrl: string } | null;
}

export interface SignatureItem {
  id: string;
  title: string;
  typedName: string;
  signedAt: string;
  documentUrl: string;
}

export interface ProofItem {
  id: string;
  kind: string;
  kindLabel: string;
  fileName: string;
  mediaType: string;
  size: number;
  coversMonth: string | null;
  uploadedAt: string;
  fileUrl: string;
}

export const proofKindOptions = [
  { value: 'PENSION_CERTIFICATE', label: '退休证或养老金领取证明' },
  { value: 'OTHER_EMPLOYER_CONTRIBUTIONS', label: '原单位社保缴费记录' },
  { value: 'OTHER', label: '其他证明材料' },
] as const;

/** '1.2 MB' / '340 KB'. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
