// Who may decide a step: the employees a rule names today. Resolved at submission (and at each
// escalation), so a step's approvers are fixed facts on the row, not a query re-run on click.
import type { Tx } from '../../db/client.ts';
import type { ApproverRule } from '../../domain/approvals/approval-definition.ts';
import { roleLabels } from '../../domain/role-labels.ts';
import { AppError } from '../../errors.ts';

export interface ResolveApproversOptions {
  rule: ApproverRule;
  /** The employee the approval is about: their line manager for 'lineManager'; never their own approver. */
  subjectEmployeeId: string;
  /** Left out of a role's approvers when someone else holds the role (no approving one's own request). */
  submitterId?: string;
}

/** What a rule means in words, for errors and the step name shown on escalation. */
export function describeRule(rule: ApproverRule): string {
  if (rule.kind === 'role') return roleLabels[rule.role];
  if (rule.kind === 'lineManager') return '直属上级';
  return '指定审批人';
}

/**
 * @example
 *   await resolveApprovers(tx, { rule: { kind: 'role', role: 'HR_MANAGER' }, subjectEmployeeId, submitterId })
 *   // → ['<employee id>', …]; throws AppError '没有可审批的人事经理' when nobody qualifies
 */
export async function resolveApprovers(tx: Tx, o: ResolveApproversOptions): Promise<string[]> {
  const active = { status: { not: 'EXITED' as const }, id: { not: o.subjectEmployeeId } };
  let ids: string[];
  if (o.rule.kind === 'role') {
    const rows = await tx.employee.findMany({ where: { ...active, roles: { some: { role: o.rule.role } } }, select: { id: true }, orderBy: { employeeNo: 'asc' } });
    ids = rows.map((r) => r.id);
    const others = ids.filter((id) => id !== o.submitterId);
    if (others.length > 0) ids = others;
  } else if (o.rule.kind === 'lineManager') {
    const subject = await tx.employee.findUnique({ where: { id: o.subjectEmployeeId }, select: { managerId: true } });
    const manager = subject?.managerId ? await tx.employee.findFirst({ where: { ...active, id: subject.managerId }, select: { id: true } }) : null;
    ids = manager ? [manager.id] : [];
  } else {
    const user = await tx.employee.findFirst({ where: { id: o.rule.employeeId, status: { not: 'EXITED' } }, select: { id: true } });
    ids = user && user.id !== o.subjectEmployeeId ? [user.id] : [];
  }
  if (ids.length === 0) throw new AppError('bad_request', `没有可审批的${describeRule(o.rule)}（在职、且不是申请所涉员工本人）`);
  return ids;
}
