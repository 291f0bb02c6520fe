// Submitting an approval, inside the caller's transaction (the caller creates its subject, e.g.
// an insurance exception, in the same one): the approval, its steps with their approvers
// resolved now, step 0 activated, cards to its approvers, and the audit event.
import type { CardRow } from '../../../cards/card-model.ts';
import { APPROVAL_SUMMARY_MAX_ROWS } from '../../../cards/approval-request-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { DEFAULT_SLA_HOURS } from '../../domain/approvals/approval-definition.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { findDefinition } from './approval-definitions.ts';
import { cardRowsSchema } from './approval-summary.ts';
import { queueApprovalCards } from './queue-approval-cards.ts';
import { resolveStepApprovers } from './resolve-approvers.ts';

export interface StartApprovalOptions {
  /** A name in approvalDefinitions, e.g. 'insurance-exception'. */
  definition: string;
  subjectType: string;
  subjectId: string;
  /** The employee the approval is about: resolves 'lineManager', and is never their own approver. */
  subjectEmployeeId: string;
  title: string;
  /** Facts for the approver's card, at most 4 rows (the card adds 步骤 and 截止). */
  summary: CardRow[];
  submitter: Actor;
}

/**
 * @example
 *   await deps.db.$transaction(async (tx) => {
 *     const exception = await tx.insuranceException.create({ … });
 *     return startApproval(deps, tx, { definition: 'insurance-exception', subjectType: 'insurance-exception', subjectId: exception.id,
 *       subjectEmployeeId: employee.id, title: '社保例外审批：张三', summary: [{ label: '员工', value: '张三' }], submitter: actor });
 *   }); // → { approvalId }
 */
export async function startApproval(deps: ServiceDeps, tx: Tx, o: StartApprovalOptions): Promise<{ approvalId: string }> {
  const definition = findDefinition(o.definition);
  if (definition.subjectType !== o.subjectType) throw new AppError('bad_request', `审批流程「${definition.name}」只用于 ${definition.subjectType}，不能用于 ${o.subjectType}`);
  if (o.submitter.kind !== 'employee') throw new AppError('forbidden', '提交审批需要员工身份（管理员令牌不能提交）');
  const summary = cardRowsSchema.max(APPROVAL_SUMMARY_MAX_ROWS, `审批摘要最多 ${APPROVAL_SUMMARY_MAX_ROWS} 行`).parse(o.summary);
  const steps = [];
  for (const step of definition.steps) {
    steps.push({ step, ...(await resolveStepApprovers(tx, { step, subjectEmployeeId: o.subjectEmployeeId, submitterId: o.submitter.id })) });
  }
  const now = deps.now();
  const approval = await tx.approval.create({
    data: {
      definition: definition.name, subjectType: o.subjectType, subjectId: o.subjectId, title: o.title, summary, submitterId: o.submitter.id, subjectEmployeeId: o.subjectEmployeeId, createdAt: now,
      steps: {
        create: steps.map(({ step, approverIds, level }, index) => ({
          index, name: step.name, mode: step.mode, approverIds, level, slaHours: step.slaHours ?? DEFAULT_SLA_HOURS,
          ...(index === 0 ? { status: 'ACTIVE' as const, activatedAt: now } : {}),
        })),
      },
    },
    include: { steps: { orderBy: { index: 'asc' } } },
  });
  await writeAuditEvent(tx, o.submitter, {
    type: 'approval.submitted',
    data: { approvalId: approval.id, definition: definition.name, subjectType: o.subjectType, subjectId: o.subjectId, subjectEmployeeId: o.subjectEmployeeId, title: o.title, steps: steps.length },
  }, { type: 'employee', id: o.subjectEmployeeId });
  const first = approval.steps[0];
  if (!first) throw new AppError('internal', `审批流程「${definition.name}」没有步骤`);
  await queueApprovalCards(deps, tx, { approval, step: first, stepCount: approval.steps.length, submitterName: o.submitter.name, actor: o.submitter, subjectEmployeeId: o.subjectEmployeeId });
  return { approvalId: approval.id };
}
