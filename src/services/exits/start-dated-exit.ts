// The shared body of the exits HR records with a date already set: a mutual agreement (第三十六条)
// and a resignation the employee gave on a 第三十八条 ground. ACTIVE → PENDING_EXIT now, EXITED
// with the checklist on the exit date (at once when that day has come).
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

export interface DatedExit {
  actor: Actor;
  employeeId: string;
  kind: 'MUTUAL_AGREEMENT' | 'EMPLOYER_FAULT_RESIGNATION';
  /** The day the agreement was signed / the employee's written notice arrived. */
  recordedOn: string;
  exitDate: string;
  reason: string;
  proposedBy?: 'employer' | 'employee';
  ground?: string;
  /** For the status history, e.g. '协商一致解除劳动合同（《劳动合同法》第三十六条）'. */
  basis: string;
  /** What the action is called in the four-eyes refusal. */
  action: string;
}

export async function startDatedExit(deps: ServiceDeps, o: DatedExit): Promise<{ processId: string; state: string }> {
  authorize(o.actor, 'exit.manage');
  refuseOwnCase(o.actor, o.employeeId, o.action);
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  if (o.recordedOn > today) throw new AppError('validation_failed', `${o.kind === 'MUTUAL_AGREEMENT' ? '协议签订日期' : '员工书面通知日期'}不能晚于今天`);
  if (o.exitDate < o.recordedOn || o.exitDate > addDays(today, 180)) throw new AppError('validation_failed', `离职日期应在${o.kind === 'MUTUAL_AGREEMENT' ? '协议签订日期' : '员工书面通知日期'}之后、${addDays(today, 180)} 之前`);
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-absence:${o.employeeId}`}, 0))`;
    const open = await tx.exitProcess.findFirst({ where: { employeeId: o.employeeId, state: { notIn: ['RETURNED', 'WITHDRAWN', 'CLOSED'] } }, select: { id: true } });
    if (open) throw new AppError('conflict', '该员工已有进行中的离职流程');
    const process = await tx.exitProcess.create({
      data: {
        employeeId: o.employeeId, kind: o.kind, state: 'ACCEPTED', reason: o.reason.trim(), proposedBy: o.proposedBy ?? null, ground: o.ground ?? null,
        requestedOn: parseDay(o.recordedOn), exitDate: parseDay(o.exitDate), createdById: o.actor.id, createdAt: now,
      },
    });
    await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: o.employeeId, to: 'PENDING_EXIT', expectedStatus: 'ACTIVE', reason: `${o.basis}，离职日期 ${o.exitDate}` });
    const extra = { ...(o.proposedBy ? { proposedBy: o.proposedBy } : {}), ...(o.ground ? { ground: o.ground } : {}) };
    await writeAuditEvent(tx, o.actor, { type: 'exit.started', data: { processId: process.id, kind: o.kind, reason: o.reason.trim(), ...extra } }, { type: 'exit_process', id: process.id });
    await ledgerExitEvent(tx, { processId: process.id, employeeId: o.employeeId, type: 'exit.started', metadata: { recordedOn: o.recordedOn, exitDate: o.exitDate, ...extra }, at: now });
    if (o.exitDate <= today) await completeExitInTx(deps, tx, { processId: process.id, actor: o.actor, today });
    return { processId: process.id, state: o.exitDate <= today ? 'EXITED' : 'ACCEPTED' };
  });
  await sealExitEvidence(deps);
  return result;
}
