// Shapes of the declaration, signature and proof responses (see src/services/signatures and
// src/services/proofs), as the H5 pages read them.
import { PROOF_KINDS, proofKindLabels } from '../domain/proofs/proof-kind-labels.ts';

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

export const proofKindOptions = PROOF_KINDS.map((value) => ({ value, label: proofKindLabels[value] }));

/** '1.2 MB' / '340 KB'. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
