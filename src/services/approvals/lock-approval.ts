// Everything that changes an approval (decisions, withdrawal, the SLA job) takes this lock
// first, so two approvers of an all-of step, or a click racing an escalation, run one after
// the other and each sees the other's committed rows.
import type { Tx } from '../../db/client.ts';
import { approvalStatusLabels, decisionLabels } from '../../domain/approvals/approval-definition.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { ApprovalDecision, ApprovalStep } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';

/** Locks the approval until commit and loads it with its steps (by index) and their decisions. */
export async function lockApproval(tx: Tx, approvalId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`approval:${approvalId}`}, 0))`;
  const approval = await tx.approval.findUnique({
    where: { id: approvalId },
    include: { steps: { orderBy: { index: 'asc' }, include: { decisions: { orderBy: { at: 'asc' } } } } },
  });
  if (!approval) throw new AppError('not_found', '找不到这条审批，可能已被删除');
  return approval;
}

export type LockedApproval = Awaited<ReturnType<typeof lockApproval>>;

/** The answer for a click on a step that is no longer open: what happened, who and when. */
export function settledText(deps: ServiceDeps, approval: { status: keyof typeof approvalStatusLabels; decidedAt: Date | null }, step: ApprovalStep & { decisions: ApprovalDecision[] }): string {
  const last = step.decisions.at(-1);
  if (last && step.status !== 'ACTIVE') {
    return `这一步已由 ${last.approverName} 于 ${formatDateTime(deps.businessTz, last.at)} 处理：${decisionLabels[last.decision as 'APPROVE']}`;
  }
  const at = approval.decidedAt ? `（${formatDateTime(deps.businessTz, approval.decidedAt)}）` : '';
  return `该审批${approvalStatusLabels[approval.status]}${at}，无需再处理`;
}
