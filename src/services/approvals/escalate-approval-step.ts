// The two things the SLA sweep does to a late step, inside the approval's lock: remind the
// current approvers (a text on each chat platform), or hand the step to the next level.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ApproverRule } from '../../domain/approvals/approval-definition.ts';
import { AppError } from '../../errors.ts';
import type { Approval, ApprovalStep } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeApprovalCards } from './close-approval-cards.ts';
import { notifyApprovalSlaAudience } from './notify-approval-sla-audience.ts';
import { queueApprovalCards } from './queue-approval-cards.ts';
import { resolveApprovers } from './resolve-approvers.ts';

interface StepContext {
  approval: Approval & { steps: ApprovalStep[] };
  step: ApprovalStep;
  actor: Actor;
  now: Date;
}

/** One text per approver and platform; `final`: twice the SLA passed and no level is left to escalate to. */
export async function remindApprovers(deps: ServiceDeps, tx: Tx, o: StepContext & { final: boolean; note?: string }): Promise<'reminded' | 'none'> {
  const { approval, step } = o;
  if (!(await compareAndSet(tx.approvalStep, { id: step.id, status: 'ACTIVE', version: step.version }, { remindedAt: o.now, version: { increment: 1 } }))) return 'none';
  const hours = o.final ? step.slaHours * 2 : step.slaHours;
  const tail = o.final ? `，${o.note ?? '已无更高一级审批人可升级'}` : '';
  const late = `${step.name}已等待超过${hours}小时${tail}`;
  const text = `审批提醒：「${approval.title}」（${step.name}）已等待超过${hours}小时${tail}，请尽快处理：${deps.publicBaseUrl}/app/todo/${approval.id}`;
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: { in: step.approverIds }, platform: { in: deps.chatPlatforms } }, orderBy: { userId: 'asc' } });
  for (const identity of identities) {
    await deps.outbox.enqueue(tx, {
      dedupeKey: `apr-remind:${step.id}:l${step.level}:${o.final ? 'final' : 'sla'}:${identity.employeeId}:${identity.platform}`,
      platform: identity.platform, recipients: [identity.userId], payload: { kind: 'text', text },
    });
  }
  const submitter = await tx.employee.findUnique({ where: { id: approval.submitterId }, select: { name: true } });
  await notifyApprovalSlaAudience(deps, tx, { approval, step, text, late, stage: o.final ? 'final' : 'sla', submitterName: submitter?.name ?? '—' });
  const subjectEmployeeId = approval.subjectEmployeeId;
  await writeAuditEvent(tx, o.actor, {
    type: 'approval.reminded', data: { approvalId: approval.id, step: step.index, level: step.level, approverIds: step.approverIds, final: o.final },
  }, subjectEmployeeId ? { type: 'employee', id: subjectEmployeeId } : undefined);
  return 'reminded';
}

/** Replaces the approvers with level+1's, closes the old cards with 已升级至 …, and sends new ones. */
export async function escalateApprovalStep(deps: ServiceDeps, tx: Tx, o: StepContext & { rule: ApproverRule }): Promise<'escalated' | 'reminded' | 'none'> {
  const { approval, step } = o;
  const subjectEmployeeId = approval.subjectEmployeeId;
  let approverIds: string[];
  try {
    approverIds = await resolveApprovers(tx, { rule: o.rule, subjectEmployeeId: subjectEmployeeId ?? approval.submitterId, submitterId: approval.submitterId });
  } catch (error) {
    // Nobody to escalate to (e.g. the role is vacant): keep the approvers and say why.
    if (error instanceof AppError) return remindApprovers(deps, tx, { ...o, final: true, note: `无法升级：${error.message}` });
    throw error;
  }
  const level = step.level + 1;
  if (!(await compareAndSet(tx.approvalStep, { id: step.id, status: 'ACTIVE', version: step.version }, { approverIds, level, escalatedAt: o.now, version: { increment: 1 } }))) return 'none';
  const names = await tx.employee.findMany({ where: { id: { in: approverIds } }, select: { name: true }, orderBy: { employeeNo: 'asc' } });
  await closeApprovalCards(deps, tx, { stepIds: [step.id], actor: o.actor, decision: 'approval.escalated', label: `已升级至 ${names.map((n) => n.name).join('、')}`, at: o.now });
  const escalated = await tx.approvalStep.findUniqueOrThrow({ where: { id: step.id } });
  const submitter = await tx.employee.findUnique({ where: { id: approval.submitterId }, select: { name: true } });
  await queueApprovalCards(deps, tx, {
    approval, step: escalated, stepCount: approval.steps.length, submitterName: submitter?.name ?? '—', actor: o.actor, subjectEmployeeId: subjectEmployeeId ?? approval.submitterId,
  });
  const who = names.map((n) => n.name).join('、');
  await notifyApprovalSlaAudience(deps, tx, {
    approval, step: escalated, submitterName: submitter?.name ?? '—', stage: 'escalated',
    late: `${step.name}已超时，升级至 ${who}`,
    text: `审批超时升级：「${approval.title}」（${step.name}）已超过${step.slaHours * 2}小时未处理，已升级至 ${who}：${deps.publicBaseUrl}/app/todo/${approval.id}`,
  });
  await writeAuditEvent(tx, o.actor, {
    type: 'approval.escalated', data: { approvalId: approval.id, step: step.index, fromLevel: step.level, toLevel: level, approverIds },
  }, subjectEmployeeId ? { type: 'employee', id: subjectEmployeeId } : undefined);
  return 'escalated';
}
