// Contributions stopped while HR says the employee is at work (reconciliation's
// `insurance.stopped_while_active`): a payroll or enrolment problem until proven otherwise, never
// an absence. HR gets one 「核实在岗」 task per employee and month, with the last clock-in so they
// can see at a glance whether the employee is still coming to work (社会保险法 第五十八条、第八十六条).
import { addDays, formatDay } from '../../domain/dates.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { openComplianceTask } from '../exceptions/open-compliance-task.ts';

export const VERIFY_ON_DUTY_TASK = 'attendance.verify_on_duty';
const DUE_DAYS = 5;

/** @example await openVerifyOnDutyTask(deps, { actor, employeeId, month: '2026-10', lastPaidMonth: '2026-09', asOf: '2026-10-10' }) // → true */
export async function openVerifyOnDutyTask(deps: ServiceDeps, o: { actor: Actor; employeeId: string; month: string; lastPaidMonth: string; asOf: string }): Promise<boolean> {
  const employee = await deps.db.employee.findUnique({ where: { id: o.employeeId }, select: { name: true } });
  if (!employee) return false;
  const last = await deps.db.attendanceRecord.findFirst({ where: { employeeId: o.employeeId, NOT: { flags: { has: 'not_signed' } } }, orderBy: { day: 'desc' }, select: { day: true } });
  const lastClockInDay = formatDay(last?.day) ?? null;
  const { created } = await deps.db.$transaction((tx) => openComplianceTask(tx, {
    actor: o.actor,
    kind: VERIFY_ON_DUTY_TASK,
    uniqueKey: `${VERIFY_ON_DUTY_TASK}:${o.employeeId}:${o.month}`,
    employeeId: o.employeeId,
    subject: { type: 'employee', id: o.employeeId },
    title: `核实在岗：${employee.name}（${o.month} 社保未缴，最后打卡 ${lastClockInDay ?? '无记录'}）`,
    details: {
      month: o.month, lastPaidMonth: o.lastPaidMonth, lastClockInDay,
      todo: '核实员工是否在岗：在岗则补缴或查明停缴原因（《社会保险法》第五十八条、第八十六条）；确已离岗的，由缺勤检测按考勤记录处理，不据此认定旷工',
    },
    dueOn: addDays(o.asOf, DUE_DAYS),
  }));
  return created;
}
