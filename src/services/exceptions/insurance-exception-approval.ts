// The HR manager's approval of a lawful insurance exception (PRODUCT.md §D): one step, any HR
// manager, 24 h SLA, escalating to the administrators. The hooks run inside the deciding
// transaction: approval starts the quarterly re-verification and opens the enrolment task for the
// insurance the category still owes here (e.g. work injury, 人社部令第13号 第九条; nothing for a
// dispatched worker or a student intern); rejection opens the enrolment remediation task.
import type { ServiceDeps } from '../deps.ts';
import type { ApprovalDefinition, ApprovalOutcomeContext } from '../../domain/approvals/approval-definition.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { nextQuarterStart } from '../../domain/exceptions/exception-status.ts';
import { insuranceTypeLabels, stillToEnrol } from '../../domain/exceptions/owed-insurance.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { notifyExceptionDecision } from './notify-exception-decision.ts';
import { OWED_ENROLMENT_TASK, openComplianceTask } from './open-compliance-task.ts';
import { openRemediationTask } from './open-remediation-task.ts';

export const INSURANCE_EXCEPTION_APPROVAL = 'insurance-exception';
export const INSURANCE_EXCEPTION_SUBJECT = 'insurance_exception';

async function loadSubmitted(ctx: ApprovalOutcomeContext<ServiceDeps>) {
  const e = await ctx.tx.insuranceException.findUnique({ where: { id: ctx.approval.subjectId } });
  if (!e || e.status !== 'SUBMITTED' || e.approvalId !== ctx.approval.id) {
    throw new AppError('illegal_transition', '这条社保例外申请已不在审批中（可能已撤回或已处理），不能按此审批结果变更');
  }
  const employee = await ctx.tx.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { name: true, startDate: true, enrolmentClockFrom: true } });
  const data = { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory };
  return { e, employee, data, subject: { type: 'insurance_exception' as const, id: e.id } };
}

const categoryLabel = (category: string) => (isReasonCategory(category) ? reasonCategories[category].label : '社保例外');

function conflict(): never {
  throw new AppError('conflict', '社保例外刚被其他操作更改，请刷新后重试');
}

async function onApproved(ctx: ApprovalOutcomeContext<ServiceDeps>): Promise<void> {
  const { e, employee, data, subject } = await loadSubmitted(ctx);
  const today = dayIn(ctx.deps.businessTz, ctx.deps.now());
  const reverifyOn = nextQuarterStart(today);
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'APPROVED' as const, reverifyOn: parseDay(reverifyOn), version: { increment: 1 } }))) conflict();
  await writeAuditEvent(ctx.tx, ctx.actor, { type: 'exception.approved', data: { ...data, approvalId: ctx.approval.id, reverifyOn } }, subject);
  await notifyExceptionDecision(ctx.deps, ctx.tx, { exceptionId: e.id, employeeId: e.employeeId, approved: true, reasonLabel: categoryLabel(e.reasonCategory) });
  if (!isReasonCategory(e.reasonCategory)) return;
  const info = reasonCategories[e.reasonCategory];
  const enrolled = await ctx.tx.enrolment.findMany({ where: { employeeId: e.employeeId, status: 'ENROLLED' }, select: { insuranceType: true } });
  const owed = stillToEnrol(info.owed, enrolled.map((x) => x.insuranceType));
  if (owed.length === 0) return;
  const { dueOn } = await enrolmentDeadlineFor(ctx.deps.db, { clockStart: formatDay(employee.enrolmentClockFrom ?? employee.startDate) as string, today });
  const hows = [...new Set(owed.flatMap((o) => (o.how ? [o.how] : [])))];
  await openComplianceTask(ctx.tx, {
    actor: ctx.actor, kind: OWED_ENROLMENT_TASK, uniqueKey: `${OWED_ENROLMENT_TASK}:${e.id}`, employeeId: e.employeeId, exceptionId: e.id,
    title: `仍须为${employee.name}办理${owed.map((o) => insuranceTypeLabels[o.type]).join('、')}增员${hows.length > 0 ? `（${hows.join('；')}）` : ''}`,
    details: { exceptionId: e.id, insuranceTypes: owed.map((o) => o.type), legalBasis: info.legalNote }, dueOn,
  });
}

async function onRejected(ctx: ApprovalOutcomeContext<ServiceDeps>): Promise<void> {
  const { e, employee, data, subject } = await loadSubmitted(ctx);
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'REJECTED' as const, version: { increment: 1 } }))) conflict();
  await writeAuditEvent(ctx.tx, ctx.actor, { type: 'exception.rejected', data: { ...data, approvalId: ctx.approval.id } }, subject);
  await notifyExceptionDecision(ctx.deps, ctx.tx, { exceptionId: e.id, employeeId: e.employeeId, approved: false, reasonLabel: categoryLabel(e.reasonCategory) });
  const today = dayIn(ctx.deps.businessTz, ctx.deps.now());
  const clockStart = formatDay(employee.enrolmentClockFrom ?? employee.startDate) as string;
  const deadline = await enrolmentDeadlineFor(ctx.deps.db, { clockStart, today });
  await openRemediationTask(ctx.tx, { actor: ctx.actor, exception: { ...e, status: 'REJECTED' }, employeeName: employee.name, clockStart, deadline, reason: '人事经理驳回了社保例外申请' });
}

/** The approval was withdrawn (by its submitter): the exception goes back to collecting documents. */
async function onWithdrawn(ctx: ApprovalOutcomeContext<ServiceDeps>): Promise<void> {
  const e = await ctx.tx.insuranceException.findUnique({ where: { id: ctx.approval.subjectId } });
  if (!e || e.status !== 'SUBMITTED' || e.approvalId !== ctx.approval.id) return;
  if (!(await compareAndSet(ctx.tx.insuranceException, { id: e.id, status: 'SUBMITTED' as const, version: e.version }, { status: 'DRAFT' as const, approvalId: null, version: { increment: 1 } }))) conflict();
}

export const insuranceExceptionApproval: ApprovalDefinition<ServiceDeps> = {
  name: INSURANCE_EXCEPTION_APPROVAL,
  subjectType: INSURANCE_EXCEPTION_SUBJECT,
  steps: [{ name: '人事经理审批', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'any', slaHours: 24, escalateTo: [{ kind: 'role', role: 'ADMIN' }] }],
  onApproved,
  onRejected,
  onWithdrawn,
};
