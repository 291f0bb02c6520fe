// HR records a termination by mutual agreement (协商一致解除, 劳动合同法 第三十六条): ACTIVE →
// PENDING_EXIT now, EXITED on the agreed day (at once when that day has come) with the checklist.
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn, parseDay } from '../../domain/dates.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { completeExitInTx } from './complete-exit.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';

export interface StartMutualExitOptions {
  actor: Actor;
  employeeId: string;
  /** The agreed last day. */
  exitDate: string;
  /** The day the agreement was signed. */
  agreedOn: string;
  reason: string;
}

/**
 * @example await startMutualExit(deps, { actor, employeeId, exitDate: '2026-12-31', agreedOn: '2026-12-01', reason: '协商一致' });
 */
export async function startMutualExit(deps: ServiceDeps, o: StartMutualExitOptions): Promise<{ processId: string; state: string }> {
  authorize(o.actor, 'exit.manage');
  refuseOwnCase(o.actor, o.employeeId, '协商解除劳动合同');
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  if (o.agreedOn > today) throw new AppError('validation_failed', '协议签订日期不能晚于今天');
  if (o.exitDate < o.agreedOn || o.exitDate > addDays(today, 180)) throw new AppError('validation_failed', `离职日期应在协议签订日期之后、${addDays(today, 180)} 之前`);
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-absence:${o.employeeId}`}, 0))`;
    const open = await tx.exitProcess.findFirst({ where: { employeeId: o.employeeId, state: { notIn: ['RETURNED', 'WITHDRAWN', 'CLOSED'] } }, select: { id: true } });
    if (open) throw new AppError('conflict', '该员工已有进行中的离职流程');
    const process = await tx.exitProcess.create({
      data: { employeeId: o.employeeId, kind: 'MUTUAL_AGREEMENT', state: 'ACCEPTED', reason: o.reason.trim(), requestedOn: parseDay(o.agreedOn), exitDate: parseDay(o.exitDate), createdById: o.actor.id, createdAt: now },
    });
    await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: o.employeeId, to: 'PENDING_EXIT', expectedStatus: 'ACTIVE', reason: `协商一致解除劳动合同（《劳动合同法》第三十六条），离职日期 ${o.exitDate}` });
    await writeAuditEvent(tx, o.actor, { type: 'exit.started', data: { processId: process.id, kind: 'MUTUAL_AGREEMENT', reason: o.reason.trim() } }, { type: 'exit_process', id: process.id });
    await ledgerExitEvent(tx, { processId: process.id, employeeId: o.employeeId, type: 'exit.started', metadata: { agreedOn: o.agreedOn, exitDate: o.exitDate }, at: now });
    if (o.exitDate <= today) await completeExitInTx(deps, tx, { processId: process.id, actor: o.actor, today });
    return { processId: process.id, state: o.exitDate <= today ? 'EXITED' : 'ACCEPTED' };
  });
  await sealExitEvidence(deps);
  return result;
}
