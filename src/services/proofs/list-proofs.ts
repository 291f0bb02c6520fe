// The proofs an actor may see: their own, or (HR) anyone's, optionally narrowed to one employee
// or one insurance exception. Metadata only; the bytes come from getProofFile.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { isProofKind, proofKindLabels } from '../../domain/proofs/proof-kinds.ts';
import { AppError } from '../../errors.ts';
import type { ProofView } from '../../domain/views/documents.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * Newest first, at most 200.
 *
 * @example
 *   const proofs = await listProofs(deps, { actor, exceptionId });
 */
export async function listProofs(deps: ServiceDeps, opts: { actor: Actor; employeeId?: string; exceptionId?: string }): Promise<ProofView[]> {
  const scope = authorize(opts.actor, 'proof.read');
  let employeeId = opts.employeeId;
  if (scope !== 'all') {
    if (employeeId && employeeId !== opts.actor.id) throw new AppError('forbidden', '只能查看本人的证明材料');
    employeeId = opts.actor.id;
  }
  const rows = await deps.db.proof.findMany({
    where: { employeeId, exceptionId: opts.exceptionId },
    orderBy: { uploadedAt: 'desc' },
    take: 200,
  });
  const names = new Map((await deps.db.employee.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.employeeId))] } }, select: { id: true, name: true } })).map((e) => [e.id, e.name]));
  return rows.map((r) => ({
    id: r.id, employeeId: r.employeeId, employeeName: names.get(r.employeeId) ?? '', exceptionId: r.exceptionId,
    kind: r.kind, kindLabel: isProofKind(r.kind) ? proofKindLabels[r.kind] : r.kind,
    fileName: r.fileName, mediaType: r.mediaType, size: r.size, sha256: r.fileSha256, coversMonth: r.coversMonth,
    uploadedAt: formatDateTime(deps.businessTz, r.uploadedAt), evidenceIndex: r.evidenceIndex, fileUrl: `/api/v1/proofs/${r.id}/file`,
  }));
}
