// What follows a decided step: an approved step hands over to the next one (its cards go out),
// the last approved step approves the approval, and a rejected step rejects it. The definition's
// hook runs here, inside the deciding transaction, so the subject moves with the decision.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../errors.ts';
import type { Approval, ApprovalStatus, ApprovalStep } from '../../generated/prisma/client.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { findDefinition } from './approval-definitions.ts';
import { queueApprovalCards } from './queue-approval-cards.ts';

export interface SettleApprovalStepOptions {
  approval: Approval;
  steps: ApprovalStep[];
  step: ApprovalStep;
  outcome: 'APPROVED' | 'REJECTED';
  actor: Actor;
  now: Date;
  subjectEmployeeId: string | null;
}

const moved = () => new AppError('conflict', '审批状态已变化，请刷新后重试');

/** Returns the approval's status afterwards and the step that is now active, if any. */
export async function settleApprovalStep(deps: ServiceDeps, tx: Tx, o: SettleApprovalStepOptions): Promise<{ status: ApprovalStatus; next?: ApprovalStep }> {
  const { approval } = o;
  const next = o.outcome === 'APPROVED' ? o.steps.find((s) => s.index === o.step.index + 1) : undefined;
  if (next) {
    if (!(await compareAndSet(tx.approval, { id: approval.id, status: 'PENDING', version: approval.version }, { currentStep: next.index, version: { increment: 1 } }))) throw moved();
    if (!(await compareAndSet(tx.approvalStep, { id: next.id, status: 'WAITING', version: next.version }, { status: 'ACTIVE', activatedAt: o.now, version: { increment: 1 } }))) throw moved();
    const active = await tx.approvalStep.findUniqueOrThrow({ where: { id: next.id } });
    const submitter = await tx.employee.findUnique({ where: { id: approval.submitterId }, select: { name: true } });
    await queueApprovalCards(deps, tx, {
      approval, step: active, stepCount: o.steps.length, submitterName: submitter?.name ?? '—', actor: o.actor, subjectEmployeeId: o.subjectEmployeeId ?? approval.submitterId,
    });
    return { status: 'PENDING', next: active };
  }
  const status = o.outcome;
  if (!(await compareAndSet(tx.approval, { id: approval.id, status: 'PENDING', version: approval.version }, { status, decidedAt: o.now, version: { increment: 1 } }))) throw moved();
  const settled = await tx.approval.findUniqueOrThrow({ where: { id: approval.id } });
  const definition = findDefinition(approval.definition);
  const hook = status === 'APPROVED' ? definition.onApproved : definition.onRejected;
  await hook?.call(definition, { tx, deps, approval: settled, actor: o.actor });
  return { status };
}
