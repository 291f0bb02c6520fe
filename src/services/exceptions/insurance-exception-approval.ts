// The HR manager's approval of a lawful insurance exception (PRODUCT.md §D): one step, any HR
// manager, 24 h SLA, escalating to the administrators. The hooks run inside the deciding
// transaction: approval starts the quarterly re-verification and opens the work-injury
// enrolment task (人社部令第13号 第九条); rejection opens the enrolment remediation task.
import type { ApprovalDefinition, ApprovalOutcomeContext } from '../../domain/approvals/approval-definition.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { nextQuarterStart } from '../../domain/exceptions/exception-status.ts';
import { INJURY_STILL_REQUIRED } from '../../domain/exceptions/reason-categories.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { INJURY_ONLY_TASK, openComplianceTask } from './open-compliance-task.ts';
import { openRemediationTask } from './open-remediation-task.ts';

export const INSURANCE_EXCEPTION_APPROVAL = 'insurance-exception';
export const INSURANCE_EXCEPTION_SUBJECT = 'insurance_exception';

async function loadSubmitted(ctx: ApprovalOutcomeContext) {
  const e = await ctx.tx.insuranceException.findUnique({ where: { id: ctx.approval.subjectId } });
  if (!e || e.status !== 'SUBMITTED' || e.approvalId !== ctx.approval.id) {
    throw new AppError('illegal_transition', `社保例外 ${ctx.approval.subjectId} 不在审批中（状态：${e?.status ?? '不存在'}），不能按此审批结果变更`);
  }
  const employee = await ctx.tx.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { name: true, startDate: true, enrolmentClockFrom: true } });
  const data = { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory };
  return { e, employee, data, subject: { type: 'insurance_exception' as const, id: e.id } };
}

function conflict(): never {
  throw new AppError('conflict', '社保例外刚被其他操作更改，请刷新后重试');
}

async function onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
  const { e, employee, data, subject } = await loadSubmitted(ctx);
  const today = dayIn(ctx.deps.businessTz, ctx.deps.now());
  const reverifyOn = nextQuarterStart(today);
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'APPROVED' as const, reverifyOn: parseDay(reverifyOn), version: { increment: 1 } }))) conflict();
  await writeAuditEvent(ctx.tx, ctx.actor, { type: 'exception.approved', data: { ...data, approvalId: ctx.approval.id, reverifyOn } }, subject);
  const injury = await ctx.tx.enrolment.findFirst({ where: { employeeId: e.employeeId, insuranceType: 'INJURY', status: 'ENROLLED' }, select: { id: true } });
  if (injury) return;
  const { dueOn } = await enrolmentDeadlineFor(ctx.deps.db, { clockStart: formatDay(employee.enrolmentClockFrom ?? employee.startDate) as string, today });
  await openComplianceTask(ctx.tx, {
    actor: ctx.actor, kind: INJURY_ONLY_TASK, uniqueKey: `${INJURY_ONLY_TASK}:${e.id}`, employeeId: e.employeeId, exceptionId: e.id,
    title: `仍须为${employee.name}办理工伤保险增员`, details: { exceptionId: e.id, legalBasis: INJURY_STILL_REQUIRED }, dueOn,
  });
}

async function onRejected(ctx: ApprovalOutcomeContext): Promise<void> {
  const { e, employee, data, subject } = await loadSubmitted(ctx);
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'REJECTED' as const, version: { increment: 1 } }))) conflict();
  await writeAuditEvent(ctx.tx, ctx.actor, { type: 'exception.rejected', data: { ...data, approvalId: ctx.approval.id } }, subject);
  const today = dayIn(ctx.deps.businessTz, ctx.deps.now());
  const clockStart = formatDay(employee.enrolmentClockFrom ?? employee.startDate) as string;
  const deadline = await enrolmentDeadlineFor(ctx.deps.db, { clockStart, today });
  await openRemediationTask(ctx.tx, { actor: ctx.actor, exception: { ...e, status: 'REJECTED' }, employeeName: employee.name, clockStart, deadline, reason: '人事经理驳回了社保例外申请' });
}

/** The approval was withdrawn (by its submitter): the exception goes back to collecting documents. */
async function onWithdrawn(ctx: ApprovalOutcomeContext): Promise<void> {
  const e = await ctx.tx.insuranceException.findUnique({ where: { id: ctx.approval.subjectId } });
  if (!e || e.status !== 'SUBMITTED' || e.approvalId !== ctx.approval.id) return;
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'DRAFT' as const, approvalId: null, version: { increment: 1 } }))) conflict();
}

export const insuranceExceptionApproval: ApprovalDefinition = {
  name: INSURANCE_EXCEPTION_APPROVAL,
  subjectType: INSURANCE_EXCEPTION_SUBJECT,
  steps: [{ name: '人事经理审批', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'any', slaHours: 24, escalateTo: [{ kind: 'role', role: 'ADMIN' }] }],
  onApproved,
  onRejected,
  onWithdrawn,
};
