// The submitter takes a pending approval back: every open card shows 已撤回, the steps stop,
// and the definition's onWithdrawn hook runs in the same transaction.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { approvalStatusLabels } from '../../domain/approvals/approval-definition.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { findDefinition } from './approval-definitions.ts';
import { closeApprovalCards } from './close-approval-cards.ts';
import { lockApproval, type LockedApproval } from './lock-approval.ts';

export const APPROVAL_WITHDRAWN = 'approval.withdrawn';

/**
 * @example
 *   await withdrawApproval(deps, { approvalId, actor: submitter }) // → { text: '已撤回「…」', status: 'WITHDRAWN' }
 */
export async function withdrawApproval(deps: ServiceDeps, o: { approvalId: string; actor: Actor }): Promise<{ text: string; status: 'WITHDRAWN' }> {
  return deps.db.$transaction(async (tx) => {
    const approval = await lockApproval(tx, o.approvalId);
    if (o.actor.kind !== 'employee' || approval.submitterId !== o.actor.id) throw new AppError('forbidden', '只有提交人可以撤回这条审批');
    return withdrawLockedApproval(deps, tx, { approval, actor: o.actor });
  });
}

/**
 * The withdrawal itself, for a caller that has locked the approval and decided who may withdraw it
 * (the submitter above; the employee an exception request is about, who takes their request back).
 */
export async function withdrawLockedApproval(deps: ServiceDeps, tx: Tx, o: { approval: LockedApproval; actor: Actor }): Promise<{ text: string; status: 'WITHDRAWN' }> {
  const { approval } = o;
  const now = deps.now();
  if (approval.status !== 'PENDING') throw new AppError('illegal_transition', `该审批${approvalStatusLabels[approval.status]}，不能撤回`);
  if (!(await compareAndSet(tx.approval, { id: approval.id, status: 'PENDING', version: approval.version }, { status: 'WITHDRAWN', decidedAt: now, version: { increment: 1 } }))) {
    throw new AppError('conflict', '审批状态已变化，请刷新后重试');
  }
  await tx.approvalStep.updateMany({ where: { approvalId: approval.id, status: { in: ['WAITING', 'ACTIVE'] } }, data: { status: 'WITHDRAWN', decidedAt: now, version: { increment: 1 } } });
  const cardsClosed = await closeApprovalCards(deps, tx, { stepIds: approval.steps.map((s) => s.id), actor: o.actor, decision: APPROVAL_WITHDRAWN, label: '已撤回', at: now });
  const withdrawn = await tx.approval.findUniqueOrThrow({ where: { id: approval.id } });
  const definition = findDefinition(approval.definition);
  await definition.onWithdrawn?.call(definition, { tx, deps, approval: withdrawn, actor: o.actor });
  const subjectEmployeeId = approval.subjectEmployeeId;
  await writeAuditEvent(tx, o.actor, { type: 'approval.withdrawn', data: { approvalId: approval.id, cardsClosed } }, subjectEmployeeId ? { type: 'employee', id: subjectEmployeeId } : undefined);
  return { text: `已撤回「${approval.title}」`, status: 'WITHDRAWN' as const };
}
