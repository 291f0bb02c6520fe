// 待办 and the approval detail, for the H5 and REST. Approvers of any step, the submitter and
// HR managers / admins (approval.readAll) see an approval; nobody else learns it exists.
import type { Actor } from '../../domain/actor.ts';
import { approvalStatusLabels, decisionLabels, stepStatusLabels } from '../../domain/approvals/approval-definition.ts';
import { formatDateTime } from '../../domain/dates.ts';
import type { ApprovalBox, ApprovalDetail, ApprovalList } from '../../domain/views/approvals.ts';
import { scopeOf } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { ServiceDeps } from '../deps.ts';
import { findDefinition } from './approval-definitions.ts';
import { parseSummary } from './approval-summary.ts';
import { stepDue } from './step-clock.ts';

const LIST_LIMIT = 100;

function boxFilter(actor: Actor, box: ApprovalBox): Prisma.ApprovalWhereInput {
  if (box === 'submitted') return { submitterId: actor.id };
  if (box === 'done') return { steps: { some: { decisions: { some: { approverId: actor.id } } } } };
  return { status: 'PENDING', steps: { some: { status: 'ACTIVE', approverIds: { has: actor.id }, decisions: { none: { approverId: actor.id } } } } };
}

/**
 * @example
 *   await listApprovals(deps, { actor, box: 'pending' }) // → { items: [{ id, title, submitter: { name }, waitingSince, due, … }] }
 */
export async function listApprovals(deps: ServiceDeps, o: { actor: Actor; box: ApprovalBox }): Promise<ApprovalList> {
  // The admin token is nobody's approver or submitter: its boxes are empty, not an error.
  if (o.actor.kind !== 'employee') return { items: [] };
  const rows = await deps.db.approval.findMany({
    where: boxFilter(o.actor, o.box),
    include: { steps: { orderBy: { index: 'asc' } } },
    orderBy: { createdAt: o.box === 'pending' ? 'asc' : 'desc' },
    take: LIST_LIMIT,
  });
  const names = await employeeNames(deps, rows.map((r) => r.submitterId));
  const show = (d: Date | null | undefined) => (d ? formatDateTime(deps.businessTz, d) : null);
  return {
    items: rows.map((a) => {
      const step = a.status === 'PENDING' ? a.steps[a.currentStep] : undefined;
      return {
        id: a.id, definition: a.definition, title: a.title, status: a.status, statusLabel: approvalStatusLabels[a.status],
        submitter: { id: a.submitterId, name: names.get(a.submitterId) ?? '—' },
        createdAt: a.createdAt.toISOString(), createdAtText: formatDateTime(deps.businessTz, a.createdAt), decidedAtText: show(a.decidedAt),
        step: step ? { index: step.index, name: step.name, level: step.level } : null,
        waitingSince: step?.activatedAt?.toISOString() ?? null,
        due: step ? stepDue(step).toISOString() : null, dueText: step ? show(stepDue(step)) : null,
      };
    }),
  };
}

/**
 * @example
 *   await getApproval(deps, { actor, id }) // → { id, title, summary, steps: [{ approvers, decisions, … }], can: { decide, withdraw } }
 */
export async function getApproval(deps: ServiceDeps, o: { actor: Actor; id: string }): Promise<ApprovalDetail> {
  const a = await deps.db.approval.findUnique({
    where: { id: o.id },
    include: { steps: { orderBy: { index: 'asc' }, include: { decisions: { orderBy: { at: 'asc' } } } } },
  });
  const involved = (a?.steps ?? []).some((s) => s.approverIds.includes(o.actor.id) || s.decisions.some((d) => d.approverId === o.actor.id));
  const mayRead = a && (involved || a.submitterId === o.actor.id || scopeOf(o.actor, 'approval.readAll'));
  if (!a || !mayRead) throw new AppError('not_found', '找不到这条审批，或你无权查看');
  const names = await employeeNames(deps, [a.submitterId, ...a.steps.flatMap((s) => s.approverIds)]);
  const show = (d: Date | null) => (d ? formatDateTime(deps.businessTz, d) : null);
  const active = a.status === 'PENDING' ? a.steps[a.currentStep] : undefined;
  const isEmployee = o.actor.kind === 'employee';
  const warning = active ? ((await findDefinition(a.definition).approvalWarning?.({ db: deps.db, approval: a })) ?? null) : null;
  return {
    id: a.id, definition: a.definition, subjectType: a.subjectType, subjectId: a.subjectId, title: a.title,
    status: a.status, statusLabel: approvalStatusLabels[a.status], summary: parseSummary(a.summary),
    /** A risk the approver must confirm before approving (approve with confirmWarning: true). */
    warning,
    submitter: { id: a.submitterId, name: names.get(a.submitterId) ?? '—' },
    createdAtText: formatDateTime(deps.businessTz, a.createdAt), decidedAtText: show(a.decidedAt), currentStep: active?.index ?? null,
    steps: a.steps.map((s) => ({
      index: s.index, name: s.name, mode: s.mode, level: s.level, slaHours: s.slaHours,
      status: s.status, statusLabel: stepStatusLabels[s.status],
      approvers: s.approverIds.map((id) => ({ id, name: names.get(id) ?? '—' })),
      activatedAtText: show(s.activatedAt), dueText: s.status === 'ACTIVE' ? show(stepDue(s)) : null, escalatedAtText: show(s.escalatedAt),
      decisions: s.decisions.map((d) => ({
        approverId: d.approverId, approverName: d.approverName, decision: d.decision, decisionLabel: decisionLabels[d.decision as 'APPROVE'] ?? d.decision,
        comment: d.comment, channel: d.channel, atText: formatDateTime(deps.businessTz, d.at),
      })),
    })),
    can: {
      decide: Boolean(isEmployee && active && active.approverIds.includes(o.actor.id) && !active.decisions.some((d) => d.approverId === o.actor.id)),
      withdraw: isEmployee && a.status === 'PENDING' && a.submitterId === o.actor.id,
    },
  };
}

async function employeeNames(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  const rows = await deps.db.employee.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
