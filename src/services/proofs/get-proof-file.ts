// Serves a proof's bytes to its owner and to HR roles only. Anyone else gets the same 404 as for
// an unknown id, so the answer does not reveal that the proof exists. A proof is sensitive
// personal data (pension status, another employer): every read of someone else's proof is
// audited (《个人信息保护法》第五十一条).
import type { Actor } from '../../domain/actor.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ProofFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
}

/**
 * @example
 *   const { bytes, mediaType } = await getProofFile(deps, { actor, proofId });
 */
export async function getProofFile(deps: ServiceDeps, opts: { actor: Actor; proofId: string }): Promise<ProofFile> {
  const scope = scopeOf(opts.actor, 'proof.read');
  const proof = await deps.db.proof.findUnique({ where: { id: opts.proofId } });
  const own = proof !== null && opts.actor.kind === 'employee' && proof.employeeId === opts.actor.id;
  if (!proof || !scope || (scope !== 'all' && !own)) throw new AppError('not_found', '找不到该证明材料');
  const bytes = await deps.files.get(proof.fileSha256);
  if (!own) {
    await deps.db.$transaction((tx) => writeAuditEvent(tx, opts.actor, { type: 'proof.read', data: { proofId: proof.id } }, { type: 'employee', id: proof.employeeId }));
  }
  return { bytes, mediaType: proof.mediaType, fileName: proof.fileName };
}
