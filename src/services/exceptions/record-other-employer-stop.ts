// HR records the month a lapsed dual-employment exception's original employer stopped paying.
// From that month on nobody insured the employee, so the enrolment duty of 社会保险法 第五十八条
// and the back-pay run from its first day, not from the day the quarterly check noticed
// (Employee.enrolmentClockFrom moves back; never before the start date). The remediation task
// gets the earlier clock and deadline, and the lapse card is closed with the month.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExceptionCards } from './close-exception-cards.ts';
import { enrolmentDeadlineFor } from './enrolment-deadline-for.ts';
import { REMEDIATION_TASK } from './open-compliance-task.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * @example
 *   await recordOtherEmployerStop(deps, { actor: hr, exceptionId, month: '2027-02' }) // clock from 2027-02-01
 */
export async function recordOtherEmployerStop(deps: ServiceDeps, opts: { actor: Actor; exceptionId: string; month: string }): Promise<InsuranceException> {
  authorize(opts.actor, 'exception.submit');
  if (!MONTH.test(opts.month)) throw new AppError('validation_failed', `停缴月份应写成 2027-02 这样的年月（收到：${opts.month.slice(0, 20)}）`);
  const e = await deps.db.insuranceException.findUnique({ where: { id: opts.exceptionId } });
  if (!e) throw new AppError('not_found', '找不到这条社保例外申请，可能已撤回或链接有误；请在「社保例外」列表中重新打开');
  if (e.kind !== 'DUAL_EMPLOYMENT' || e.status !== 'LAPSED' || !e.lapsedOn) {
    throw new AppError('illegal_transition', '只有已失效的「原单位仍在缴纳」例外需要登记原单位停缴月份');
  }
  if (e.otherEmployerStoppedMonth) throw new AppError('conflict', `已登记原单位停缴月份 ${e.otherEmployerStoppedMonth}，不能重复登记`);
  const lapsedOn = formatDay(e.lapsedOn) as string;
  if (opts.month > lapsedOn.slice(0, 7)) {
    throw new AppError('validation_failed', `停缴月份不能晚于失效月份 ${lapsedOn.slice(0, 7)}：之后才停缴的，增员期限按失效日 ${lapsedOn} 起算，无需登记`);
  }
  const employee = await deps.db.employee.findUniqueOrThrow({ where: { id: e.employeeId }, select: { startDate: true } });
  const startDate = formatDay(employee.startDate) as string;
  const clockFrom = `${opts.month}-01` < startDate ? startDate : `${opts.month}-01`;
  const today = dayIn(deps.businessTz, deps.now());
  const deadline = await enrolmentDeadlineFor(deps.db, { clockStart: clockFrom, today });
  return deps.db.$transaction(async (tx) => {
    const changed = await compareAndSet(tx.insuranceException,
      { id: e.id, status: 'LAPSED' as const, version: e.version, otherEmployerStoppedMonth: null },
      { otherEmployerStoppedMonth: opts.month, version: { increment: 1 } });
    if (!changed) throw new AppError('conflict', '该例外刚被其他人更改，请刷新后查看');
    await tx.employee.update({ where: { id: e.employeeId }, data: { enrolmentClockFrom: parseDay(clockFrom), version: { increment: 1 } } });
    // The open remediation task keeps its other details; only the clock and the deadline move.
    const moved = JSON.stringify({ clockStart: clockFrom, legalDeadline: deadline.legalDeadline, backpayFrom: opts.month });
    await tx.$executeRaw`UPDATE "ComplianceTask" SET details = details || ${moved}::jsonb, "dueOn" = ${parseDay(deadline.dueOn)}::date
      WHERE "uniqueKey" = ${`${REMEDIATION_TASK}:${e.id}`} AND state = 'OPEN'`;
    await closeExceptionCards(deps, tx, { exceptionId: e.id, types: ['exception.lapsed'], actor: opts.actor, decision: 'exception.other_employer_stopped', label: `已登记原单位 ${opts.month} 停缴` });
    await writeAuditEvent(tx, opts.actor, {
      type: 'exception.other_employer_stopped',
      data: { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory, month: opts.month, clockFrom, legalDeadline: deadline.legalDeadline },
    }, { type: 'insurance_exception', id: e.id });
    return tx.insuranceException.findUniqueOrThrow({ where: { id: e.id } });
  });
}
