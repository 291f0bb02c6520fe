// An approved exception whose quarterly proof did not come: the lawful ground is no longer shown,
// so it ends (LAPSED) and enrolment is owed again. The 30-day clock of 社会保险法 第五十八条
// restarts on the lapse day (Employee.enrolmentClockFrom), HR gets an urgent card and an
// enrolment remediation task, and the lapse goes into the evidence ledger. Runs in the caller's tx.
// A dual-employment lapse also asks HR for the month the original employer stopped paying
// (record-other-employer-stop.ts moves the clock back to it); until then the lapse day counts.
import { buildExceptionLapsedCard } from '../../../cards/exception-lapsed-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';
import { exceptionPageUrl } from './exception-links.ts';
import { openRemediationTask } from './open-remediation-task.ts';
import { queueExceptionCard } from './queue-exception-card.ts';

export interface LapseInput {
  actor: Actor;
  exception: InsuranceException;
  /** 'YYYY-MM-DD' */
  lapsedOn: string;
  reason: string;
  /** The restarted enrolment deadline, computed from lapsedOn before the transaction. */
  deadline: { legalDeadline: string; dueOn: string };
}

/** Returns false when another run lapsed or changed it first. */
export async function lapseInsuranceException(deps: ServiceDeps, tx: Tx, input: LapseInput): Promise<boolean> {
  const e = input.exception;
  const lapsedOn = parseDay(input.lapsedOn);
  if (!(await compareAndSet(tx.insuranceException, { id: e.id, status: 'APPROVED' as const, version: e.version }, { status: 'LAPSED' as const, lapsedOn, version: { increment: 1 } }))) return false;
  const employee = await restartEnrolmentClock(tx, e.employeeId, lapsedOn);
  const subject = { type: 'insurance_exception' as const, id: e.id };
  await writeAuditEvent(tx, input.actor, {
    type: 'exception.lapsed', data: { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory, lapsedOn: input.lapsedOn, reason: input.reason },
  }, subject);
  await appendEvidence(tx, {
    type: 'insurance_exception.lapsed', subjectType: 'insurance_exception', subjectId: e.id, employeeId: e.employeeId,
    payload: { kind: 'row', table: 'InsuranceException', id: e.id }, metadata: { status: 'LAPSED', lapsedOn: input.lapsedOn, reason: input.reason }, at: deps.now(),
  });
  await tx.alert.updateMany({ where: { employeeId: e.employeeId, kind: 'exception.reverify', state: 'OPEN' }, data: { state: 'RESOLVED', resolvedAt: deps.now() } });
  await openRemediationTask(tx, { actor: input.actor, exception: { ...e, status: 'LAPSED' }, employeeName: employee.name, clockStart: input.lapsedOn, deadline: input.deadline, reason: input.reason });
  const reasonLabel = isReasonCategory(e.reasonCategory) ? reasonCategories[e.reasonCategory].label : e.reasonCategory;
  await queueExceptionCard(deps, tx, {
    actor: input.actor, exceptionId: e.id, employeeId: e.employeeId, audience: 'hr', prefix: 'exl',
    build: (key) => buildExceptionLapsedCard({
      key, h5Url: exceptionPageUrl(deps.publicBaseUrl, e.id),
      facts: {
        name: employee.name, department: employee.department.name, reasonLabel, lapsedOn: input.lapsedOn, enrolmentDeadline: input.deadline.legalDeadline,
        askStoppedMonth: e.kind === 'DUAL_EMPLOYMENT',
      },
    }),
  });
  return true;
}

/** The employee row changes with the exception, under its own compare-and-set on the version. */
async function restartEnrolmentClock(tx: Tx, employeeId: string, clockFrom: Date) {
  const { version } = await tx.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { version: true } });
  if (!(await compareAndSet(tx.employee, { id: employeeId, version }, { enrolmentClockFrom: clockFrom, version: { increment: 1 } }))) {
    throw new AppError('conflict', '员工信息刚被他人修改，请稍后重新运行复核');
  }
  return tx.employee.findUniqueOrThrow({ where: { id: employeeId }, include: { department: { select: { name: true } } } });
}
