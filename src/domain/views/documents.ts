// The shapes of the declaration, signature and proof endpoints (src/services/signatures,
// src/services/proofs), shared with the H5 pages that show them (SignPage.vue, DocumentsPage.vue).
// Types only: the H5 bundle gains no code from here.

/** GET /declarations/:template/:subjectId: the declaration before signing, and whether it is signed. */
export interface DeclarationView {
  template: string;
  subjectType: string;
  subjectId: string;
  employeeId: string;
  /** The same content the PDF is rendered from. */
  content: { title: string; paragraphs: string[]; facts: { label: string; value: string }[] };
  statement: string;
  /** True when the actor is the employee concerned and the subject is still open. */
  canSign: boolean;
  closed: string | null;
  signed: { signatureId: string; signedAt: string; documentUrl: string } | null;
}

/** One signed declaration in 我的文件 (GET /signatures). */
export interface SignatureView {
  id: string;
  template: string;
  title: string;
  subjectType: string;
  subjectId: string;
  typedName: string;
  /** 'YYYY-MM-DD HH:mm' in BUSINESS_TZ. */
  signedAt: string;
  platform: string;
  documentSha256: string;
  evidenceIndex: number;
  documentUrl: string;
}

/** One uploaded proof's metadata (GET /proofs); the bytes come from its fileUrl. */
export interface ProofView {
  id: string;
  employeeId: string;
  employeeName: string;
  exceptionId: string | null;
  kind: string;
  kindLabel: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  coversMonth: string | null;
  /** 'YYYY-MM-DD HH:mm' in BUSINESS_TZ. */
  uploadedAt: string;
  evidenceIndex: number | null;
  fileUrl: string;
}
