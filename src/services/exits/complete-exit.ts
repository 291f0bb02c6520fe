// A resignation or mutual agreement reaches its exit date (daily job) or HR confirms it early:
// PENDING_EXIT → EXITED with the exit date, and the checklist opens (via the transition hook and
// here, idempotently).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { DATED_EXIT_KINDS, exitStateLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { createExitChecklist } from './create-exit-checklist.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';

/**
 * @example await completeExit(deps, { processId, actor }); // HR confirms on or after the exit date
 */
export async function completeExit(deps: ServiceDeps, o: { processId: string; actor: Actor }): Promise<{ text: string; exitDate: string }> {
  authorize(o.actor, 'exit.manage');
  return deps.db.$transaction((tx) => completeExitInTx(deps, tx, { ...o, today: dayIn(deps.businessTz, deps.now()) }));
}

export async function completeExitInTx(_deps: ServiceDeps, tx: Tx, o: { processId: string; actor: Actor; today: string }): Promise<{ text: string; exitDate: string }> {
  const p = await lockExitCaseForHr(tx, o.processId, o.actor);
  if (!(DATED_EXIT_KINDS as readonly string[]).includes(p.kind)) throw new AppError('conflict', '只有辞职或协商解除的流程在离职日办结');
  if (p.state !== 'REQUESTED' && p.state !== 'ACCEPTED') throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」`);
  const exitDate = formatDay(p.exitDate) as string;
  if (exitDate > o.today) throw new AppError('conflict', `离职日期 ${exitDate} 尚未到`);
  await moveExitProcess(tx, p, 'EXITED');
  const basis = completionBasis[p.kind] ?? '';
  await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: p.employeeId, to: 'EXITED', expectedStatus: 'PENDING_EXIT', exitDate, reason: `${basis}，离职日期 ${exitDate}` });
  const tasks = await createExitChecklist(tx, { processId: p.id, employeeId: p.employeeId, exitDate, actor: o.actor });
  const total = await tx.exitTask.count({ where: { processId: p.id } });
  await writeAuditEvent(tx, o.actor, { type: 'exit.completed', data: { processId: p.id, kind: p.kind, exitDate, tasks: Math.max(tasks, total) } }, { type: 'exit_process', id: p.id });
  return { text: `已办理离职（${exitDate}），离职事项清单已生成`, exitDate };
}

const completionBasis: Record<string, string> = {
  RESIGNATION: '员工辞职（《劳动合同法》第三十七条）',
  EMPLOYER_FAULT_RESIGNATION: '员工因用人单位过错解除劳动合同（《劳动合同法》第三十八条）',
  MUTUAL_AGREEMENT: '协商一致解除（《劳动合同法》第三十六条）',
};
