// Words and helpers the document pages (我的文件, proof upload, verify) add to the server's views
// (src/domain/views/documents.ts).
import { PROOF_KINDS, proofKindLabels } from '../domain/proofs/proof-kind-labels.ts';

export const proofKindOptions = PROOF_KINDS.map((value) => ({ value, label: proofKindLabels[value] }));

/** '1.2 MB' / '340 KB'. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
