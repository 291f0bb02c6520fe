// What POST /api/v1/evidence/verify answers (src/http/routes/evidence-pack-routes.ts, built by
// src/services/evidence/verify-document.ts and verify-evidence-pack.ts), shared with the H5 verify
// page (src/h5/pages/VerifyPage.vue). Types only: the H5 bundle gains no code from here.

/** A ledger entry a checked file is the payload of (public facts only: no names). */
export interface VerifiedEntry {
  index: number;
  type: string;
  subjectType: string;
  subjectId: string;
  createdAt: string;
}

/** The verdict on one document (PDF, image…): is it in the company's ledger, unchanged? */
export interface DocumentVerification {
  authentic: boolean;
  sha256: string;
  /** Chinese, one per check ('✅ …' / '❌ …'). */
  reasons: string[];
  /** The ledger entries whose payload this file is (public facts only: no names). */
  entries: VerifiedEntry[];
  treeSize?: number;
  signedAt?: string;
}

/** The verdict on an evidence pack (zip): signatures, inclusion proofs and the tree head. */
export interface PackVerification {
  authentic: boolean;
  /** Chinese, one per check: '✅ …' passed, '❌ …' failed, 'ℹ️ …' for information. */
  reasons: string[];
  entries: number;
  treeSize: number;
  keyId: string;
  keyTrusted: boolean;
  rootHash?: string;
  signedAt?: string;
  timestampedAt?: string;
}

/** The answer: a document's verdict (recognised: it is at least a PDF or an image) or a pack's. */
export type VerifyResponse = ({ kind: 'document'; recognised: boolean } & DocumentVerification) | ({ kind: 'pack' } & PackVerification);
