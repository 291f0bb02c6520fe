import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { allowedTargets, canTransition, statusLabels } from '../../domain/lifecycle.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { EmployeeStatus } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { ensureExitChecklist } from '../exits/ensure-exit-checklist.ts';
import type { ServiceDeps } from '../deps.ts';
import { employeeInclude, toEmployeeView, type EmployeeView } from './employee-view.ts';

export interface TransitionOptions {
  actor: Actor;
  id: string;
  to: EmployeeStatus;
  reason: string;
  /** The status the caller saw; a mismatch means someone else moved first. */
  expectedStatus?: EmployeeStatus;
  /** Required when moving to EXITED. */
  exitDate?: string;
}

/**
 * Moves an employee along the lifecycle table (domain/lifecycle.ts) with a reason, a history
 * row and an audit event. A repeat of the same move is answered idempotently.
 */
export async function transitionEmployeeStatus(deps: ServiceDeps, opts: TransitionOptions): Promise<EmployeeView> {
  authorize(opts.actor, 'employee.transition');
  refuseOwnCase(opts.actor, opts.id, '这次状态变更');
  const row = await deps.db.$transaction((tx) => transitionEmployeeStatusInTx(tx, opts));
  return toEmployeeView(row, deps.cipher, false, dayIn(deps.businessTz, deps.now()));
}

/**
 * The same move inside the caller's transaction, for services that change something else in
 * the same commit (a card decision). The caller has authorized the actor.
 */
export async function transitionEmployeeStatusInTx(tx: Tx, opts: TransitionOptions) {
  const current = await tx.employee.findUnique({ where: { id: opts.id } });
  if (!current) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
  const from = opts.expectedStatus ?? current.status;
  if (current.status === opts.to && from === opts.to) {
    return tx.employee.findUniqueOrThrow({ where: { id: current.id }, include: employeeInclude });
  }
  if (!canTransition(from, opts.to)) {
    const allowed = allowedTargets(from).map((s) => statusLabels[s]).join('、') || '无';
    throw new AppError('illegal_transition', `不能从「${statusLabels[from]}」变为「${statusLabels[opts.to]}」；可变为：${allowed}`, { from, to: opts.to });
  }
  if (opts.to === 'EXITED' && !opts.exitDate && !current.exitDate) {
    throw new AppError('validation_failed', '变为「离职」需要填写离职日期');
  }
  const exitDate = opts.exitDate ? parseDay(opts.exitDate) : undefined;
  const changed = await compareAndSet(
    tx.employee,
    { id: current.id, status: from },
    { status: opts.to, version: { increment: 1 }, ...(exitDate && { exitDate }) },
  );
  if (!changed) {
    throw new AppError('conflict', `员工状态已变为「${statusLabels[current.status]}」，与预期的「${statusLabels[from]}」不符，请刷新`);
  }
  await tx.statusChange.create({
    data: { employeeId: current.id, fromStatus: from, toStatus: opts.to, reason: opts.reason, actorId: opts.actor.id, actorName: opts.actor.name },
  });
  await writeAuditEvent(tx, opts.actor, { type: 'employee.status_changed', data: { employeeNo: current.employeeNo, from, to: opts.to, reason: opts.reason } }, { type: 'employee', id: current.id });
  // Every leaver gets the exit checklist (劳动合同法 第五十条); a hire who never started has nothing to settle.
  if (opts.to === 'EXITED' && from !== 'ONBOARDING') {
    await ensureExitChecklist(tx, { employeeId: current.id, exitDate: opts.exitDate ?? (formatDay(current.exitDate) as string), actor: opts.actor });
  }
  return tx.employee.findUniqueOrThrow({ where: { id: current.id }, include: employeeInclude });
}
