// HR records leave that was approved (in the platform's approval app or on paper). Its days are
// not absences: the absence detection skips them. Employees' own leave requests are not handled here.
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

export const leaveKinds = ['年假', '病假', '事假', '婚假', '产假', '陪产假', '丧假', '工伤假', '调休', '其他'] as const;

export interface RecordLeaveOptions {
  actor: Actor;
  employeeId: string;
  fromDay: string;
  toDay: string;
  kind: (typeof leaveKinds)[number];
  note?: string;
}

/**
 * @example
 *   await recordLeave(deps, { actor, employeeId, fromDay: '2026-10-08', toDay: '2026-10-09', kind: '病假' })
 */
export async function recordLeave(deps: ServiceDeps, opts: RecordLeaveOptions): Promise<{ id: string; employeeId: string; fromDay: string; toDay: string; kind: string }> {
  authorize(opts.actor, 'leave.record');
  if (opts.fromDay > opts.toDay) throw new AppError('validation_failed', '请假开始日期不能晚于结束日期');
  if (parseDay(opts.toDay).getTime() - parseDay(opts.fromDay).getTime() > 366 * 86_400_000) throw new AppError('validation_failed', '单次请假不能超过一年');
  const employee = await deps.db.employee.findUnique({ where: { id: opts.employeeId }, select: { id: true } });
  if (!employee) throw new AppError('not_found', '找不到该员工');
  return deps.db.$transaction(async (tx) => {
    const leave = await tx.leaveRecord.create({
      data: { employeeId: opts.employeeId, fromDay: parseDay(opts.fromDay), toDay: parseDay(opts.toDay), kind: opts.kind, approved: true, source: 'hr', note: opts.note ?? null, createdById: opts.actor.id },
    });
    await writeAuditEvent(tx, opts.actor, { type: 'leave.recorded', data: { leaveId: leave.id, fromDay: opts.fromDay, toDay: opts.toDay, kind: opts.kind } }, { type: 'employee', id: opts.employeeId });
    return { id: leave.id, employeeId: leave.employeeId, fromDay: formatDay(leave.fromDay) as string, toDay: formatDay(leave.toDay) as string, kind: leave.kind };
  });
}
