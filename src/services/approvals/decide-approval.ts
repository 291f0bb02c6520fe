// One approver's decision on the active step. Only the approval id, the step and the decision
// come from the caller; everything else is reloaded under a per-approval lock. One transaction:
// the decision row (unique per approver and step), the step's compare-and-set, the next step or
// the outcome (with the definition's hook), card updates, the audit event and the evidence entry.
import { APPROVAL_APPROVE, APPROVAL_REJECT } from '../../../cards/action-ids.ts';
import type { Actor } from '../../domain/actor.ts';
import { decisionLabels } from '../../domain/approvals/approval-definition.ts';
import { formatDateTime } from '../../domain/dates.ts';
import { AppError } from '../../errors.ts';
import type { Approval, ApprovalStatus } from '../../generated/prisma/client.ts';
import type { Logger } from '../../log.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { findDefinition } from './approval-definitions.ts';
import { closeApprovalCards } from './close-approval-cards.ts';
import { lockApproval, settledText } from './lock-approval.ts';
import { refuseOwnApproval } from './refuse-own-approval.ts';
import { settleApprovalStep } from './settle-approval-step.ts';

export type DecisionChannel = 'wecom' | 'dingtalk' | 'sandbox' | 'h5' | 'api';

export interface DecideApprovalOptions {
  approvalId: string;
  /** The step the caller saw (a card's step); defaults to the current one. */
  stepIndex?: number;
  decision: 'APPROVE' | 'REJECT';
  comment?: string;
  /** The approver accepts the definition's warning (approvalWarning); required to approve when there is one. */
  confirmWarning?: boolean;
  actor: Actor;
  channel: DecisionChannel;
  /** Where a failed tree-head seal is logged (it never fails the decision). */
  log?: Logger;
  /** The card click that decides, when it is one. */
  click?: ClickReceipt;
}

export const MAX_COMMENT = 500;

/**
 * @example
 *   await decideApproval(deps, { approvalId, decision: 'APPROVE', comment: '材料齐全', actor, channel: 'h5' })
 *   // → { text: '已同意「社保例外审批：张三」，审批通过', status: 'APPROVED' }
 */
export async function decideApproval(deps: ServiceDeps, o: DecideApprovalOptions): Promise<{ text: string; status: ApprovalStatus }> {
  const { actor } = o;
  if (actor.kind !== 'employee') throw new AppError('forbidden', '管理员令牌没有员工身份，不能审批；请审批人本人在 H5「待办」或聊天卡片中处理');
  const comment = o.comment?.trim() || undefined;
  if (comment && comment.length > MAX_COMMENT) throw new AppError('validation_failed', `审批意见最多 ${MAX_COMMENT} 字`);
  const now = deps.now();
  let decided: Approval | undefined;
  const result = await deps.db.$transaction(async (tx) => {
    const approval = await lockApproval(tx, o.approvalId);
    await rememberClick(tx, o.click);
    decided = approval;
    const step = approval.steps[o.stepIndex ?? approval.currentStep];
    if (!step) throw new AppError('not_found', '找不到这一审批步骤');
    await refuseOwnApproval(tx, { actor, submitterId: approval.submitterId, subjectEmployeeId: approval.subjectEmployeeId, approverIds: step.approverIds });
    const mine = step.decisions.find((d) => d.approverId === actor.id);
    const done = { status: approval.status, changed: false };
    if (mine) return { ...done, text: `你已处理过：${decisionLabels[mine.decision as 'APPROVE']}（${formatDateTime(deps.businessTz, mine.at)}），无需重复操作` };
    if (!step.approverIds.includes(actor.id)) throw new AppError('forbidden', '你不是这一步的审批人，无法处理');
    if (approval.status !== 'PENDING' || step.status !== 'ACTIVE') return { ...done, text: settledText(deps, approval, step) };
    const warning = o.decision === 'APPROVE' ? await findDefinition(approval.definition).approvalWarning?.({ db: tx, approval }) : undefined;
    // A card button cannot carry the confirmation, so a card click lands here and is sent to the H5.
    if (warning && o.confirmWarning !== true) throw new AppError('validation_failed', `${warning}。如仍同意，请在 H5「待办」审批详情中勾选「我已知悉上述风险，仍同意」后提交`);

    const decision = await tx.approvalDecision.create({ data: { stepId: step.id, approverId: actor.id, approverName: actor.name, decision: o.decision, comment, channel: o.channel, at: now } });
    const approvals = [...step.decisions, decision].filter((d) => d.decision === 'APPROVE').map((d) => d.approverId);
    const missing = step.approverIds.filter((id) => !approvals.includes(id));
    const outcome: 'APPROVED' | 'REJECTED' | undefined = o.decision === 'REJECT' ? 'REJECTED' : step.mode === 'any' || missing.length === 0 ? 'APPROVED' : undefined;
    const stepChange = outcome ? { status: outcome, decidedAt: now, version: { increment: 1 } } : { version: { increment: 1 } };
    if (!(await compareAndSet(tx.approvalStep, { id: step.id, status: 'ACTIVE', version: step.version }, stepChange))) throw new AppError('conflict', '审批状态已变化，请刷新后重试');

    const subjectEmployeeId = approval.subjectEmployeeId;
    const label = `${decisionLabels[o.decision]}${comment ? `：${comment}` : ''}`;
    const actionId = o.decision === 'APPROVE' ? APPROVAL_APPROVE : APPROVAL_REJECT;
    // An all-of approver's own card closes at once; the others' stay open until the step is decided.
    await closeApprovalCards(deps, tx, { stepIds: [step.id], approverIds: outcome ? undefined : [actor.id], actor, decision: actionId, label, at: now });
    const settled = outcome
      ? await settleApprovalStep(deps, tx, { approval, steps: approval.steps, step, outcome, actor, now, subjectEmployeeId })
      : { status: approval.status, next: undefined };
    await writeAuditEvent(tx, actor, {
      type: 'approval.decided',
      data: { approvalId: approval.id, step: step.index, decision: o.decision, comment, channel: o.channel, stepStatus: outcome ?? 'ACTIVE', approvalStatus: settled.status },
    }, subjectEmployeeId ? { type: 'employee', id: subjectEmployeeId } : undefined);
    await appendEvidence(tx, {
      type: 'approval.decision', subjectType: approval.subjectType, subjectId: approval.subjectId, employeeId: subjectEmployeeId,
      payload: { kind: 'row', table: 'ApprovalDecision', id: decision.id }, metadata: { approvalId: approval.id, step: step.index, decision: o.decision }, at: now,
    });
    const title = `「${approval.title}」`;
    const text = o.decision === 'REJECT' ? `已驳回${title}`
      : settled.status === 'APPROVED' ? `已同意${title}，审批通过`
      : settled.next ? `已同意${title}，已转交下一步：${settled.next.name}`
      : `已同意${title}，还需 ${missing.length} 人同意`;
    return { status: settled.status, changed: true, text };
  }).catch(async (error: unknown) => {
    if (decided) await findDefinition(decided.definition).onDecisionRefused?.({ deps, approval: decided, error });
    throw error;
  });
  if (result.changed) {
    // The decision stands on its own; the head is resealed by the next append if this one fails.
    await sealTreeHead(deps).catch((error: unknown) => o.log?.error({ err: error, approvalId: o.approvalId }, 'sealing the evidence tree head after an approval decision failed'));
  }
  return { text: result.text, status: result.status };
}
