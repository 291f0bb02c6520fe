// Who may decide a step: the employees a rule names today. Resolved at submission (and at each
// escalation), so a step's approvers are fixed facts on the row, not a query re-run on click.
// Four-eyes: the employee the approval is about and its submitter never approve it; when they
// are the rule's only holders, the step starts at the next escalation level, or with the admins.
import type { Tx } from '../../db/client.ts';
import type { ApprovalStepDefinition, ApproverRule } from '../../domain/approvals/approval-definition.ts';
import { roleLabels } from '../../domain/role-labels.ts';
import { AppError } from '../../errors.ts';

export interface ResolveApproversOptions {
  rule: ApproverRule;
  /** The employee the approval is about: their line manager for 'lineManager'; never their own approver. */
  subjectEmployeeId: string;
  /** Never approves what they submitted. */
  submitterId?: string;
}

const ADMINS: ApproverRule = { kind: 'role', role: 'ADMIN' };

/** What a rule means in words, for errors and the step name shown on escalation. */
export function describeRule(rule: ApproverRule): string {
  if (rule.kind === 'role') return roleLabels[rule.role];
  if (rule.kind === 'lineManager') return '直属上级';
  return '指定审批人';
}

/** Everyone the rule names today (in service), before the four-eyes exclusions. */
async function holdersOf(tx: Tx, rule: ApproverRule, subjectEmployeeId: string): Promise<string[]> {
  const active = { status: { not: 'EXITED' as const } };
  if (rule.kind === 'role') {
    const rows = await tx.employee.findMany({ where: { ...active, roles: { some: { role: rule.role } } }, select: { id: true }, orderBy: { employeeNo: 'asc' } });
    return rows.map((r) => r.id);
  }
  if (rule.kind === 'lineManager') {
    const subject = await tx.employee.findUnique({ where: { id: subjectEmployeeId }, select: { managerId: true } });
    const manager = subject?.managerId ? await tx.employee.findFirst({ where: { ...active, id: subject.managerId }, select: { id: true } }) : null;
    return manager ? [manager.id] : [];
  }
  const user = await tx.employee.findFirst({ where: { ...active, id: rule.employeeId }, select: { id: true } });
  return user ? [user.id] : [];
}

async function candidates(tx: Tx, o: ResolveApproversOptions): Promise<{ holders: string[]; ids: string[] }> {
  const holders = await holdersOf(tx, o.rule, o.subjectEmployeeId);
  return { holders, ids: holders.filter((id) => id !== o.subjectEmployeeId && id !== o.submitterId) };
}

/**
 * @example
 *   await resolveApprovers(tx, { rule: { kind: 'role', role: 'HR_MANAGER' }, subjectEmployeeId, submitterId })
 *   // → ['<employee id>', …]; throws AppError '没有可审批的人事经理' when nobody qualifies
 */
export async function resolveApprovers(tx: Tx, o: ResolveApproversOptions): Promise<string[]> {
  const { ids } = await candidates(tx, o);
  if (ids.length === 0) throw new AppError('bad_request', `没有可审批的${describeRule(o.rule)}（在职、且不是申请所涉员工本人或提交人）`);
  return ids;
}

/**
 * A step's approvers at submission, and the escalation level they come from: the step's own rule,
 * or (when only the subject or the submitter hold it) the first escalation level with someone
 * else, then the admins (level = the last one, so the SLA job does not escalate further).
 *
 * @example await resolveStepApprovers(tx, { step, subjectEmployeeId, submitterId }) // → { approverIds: ['…'], level: 0 }
 */
export async function resolveStepApprovers(tx: Tx, o: { step: ApprovalStepDefinition; subjectEmployeeId: string; submitterId: string }): Promise<{ approverIds: string[]; level: number }> {
  const own = await candidates(tx, { ...o, rule: o.step.approvers });
  if (own.ids.length > 0) return { approverIds: own.ids, level: 0 };
  if (own.holders.length === 0) return { approverIds: await resolveApprovers(tx, { ...o, rule: o.step.approvers }), level: 0 };
  const levels = o.step.escalateTo;
  for (const [i, rule] of [...levels, ADMINS].entries()) {
    const next = await candidates(tx, { ...o, rule });
    if (next.ids.length > 0) return { approverIds: next.ids, level: Math.min(i + 1, levels.length) };
  }
  throw new AppError('bad_request', `没有可审批的人：${describeRule(o.step.approvers)}只有申请所涉员工本人或提交人，也没有其他管理员；请先由管理员为其他人授予相应角色`);
}
