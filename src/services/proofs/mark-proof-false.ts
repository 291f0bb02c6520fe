// HR finds an uploaded proof false (a forged certificate, someone else's record): the proof is
// marked, the uploader's employee loses points (company rule, −5 by default) and both are audited
// in one transaction. A proof is marked once; marking it again is refused and changes nothing.
import type { Actor } from '../../domain/actor.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { proofKindLabels, type ProofKindValue } from '../../domain/proofs/proof-kind-labels.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { awardPoints } from '../points/award-points.ts';

export const FALSE_REASON_MAX = 200;

export interface MarkProofFalseOptions {
  actor: Actor;
  proofId: string;
  /** Why HR found it false, kept with the proof and shown in the employee's points history. */
  reason: string;
}

/**
 * @example await markProofFalse(deps, { actor, proofId, reason: '退休证编号与社保系统不符' }) // → { proofId, points: -5 }
 */
export async function markProofFalse(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: MarkProofFalseOptions): Promise<{ proofId: string; points: number }> {
  authorize(o.actor, 'proof.markFalse');
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '认定证明不实需以人事身份登录（系统记录认定人）');
  const reason = o.reason.trim();
  if (reason.length < 2 || reason.length > FALSE_REASON_MAX) throw new AppError('bad_request', `请写明认定不实的原因（2 到 ${FALSE_REASON_MAX} 字）`);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const proof = await tx.proof.findUnique({ where: { id: o.proofId } });
    if (!proof) throw new AppError('not_found', '找不到这份证明材料，请从证明列表重新打开');
    const marked = await compareAndSet(tx.proof, { id: proof.id, falseAt: null }, { falseAt: now, falseById: o.actor.id, falseByName: o.actor.name, falseReason: reason });
    if (!marked) {
      const again = await tx.proof.findUnique({ where: { id: proof.id }, select: { falseAt: true, falseByName: true } });
      const when = again?.falseAt ? formatDateTime(deps.businessTz, again.falseAt) : '此前';
      throw new AppError('conflict', `这份证明已于 ${when} 由${again?.falseByName ?? '他人'}认定为不实，无需重复操作`);
    }
    await writeAuditEvent(tx, o.actor, { type: 'proof.marked_false', data: { proofId: proof.id, kind: proof.kind, reason } }, { type: 'proof', id: proof.id });
    const label = proofKindLabels[proof.kind as ProofKindValue] ?? '证明材料';
    const { points } = await awardPoints(tx, { actor: o.actor, employeeId: proof.employeeId, rule: 'falseProof', subjectId: proof.id, at: now, reason: `上传的「${label}」经人事核实不实：${reason}`, evidence: { proofId: proof.id } });
    return { proofId: proof.id, points };
  });
}
