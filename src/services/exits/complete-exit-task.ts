// HR marks a checklist item done (REST, H5 or the card's 已办结). When the last item is done the
// exit case closes.
import { EXIT_TASK_DONE } from '../../../cards/action-ids.ts';
import { EXIT_TASK_DUE_CARD, EXIT_TASK_OVERDUE_CARD } from '../../../cards/exit-task-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ExitTask } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';

/**
 * @example await completeExitTask(deps, { taskId, actor, note: '已于社保系统办理减员' });
 */
export async function completeExitTask(deps: ServiceDeps, o: { taskId: string; actor: Actor; note?: string; click?: ClickReceipt }): Promise<{ text: string }> {
  authorize(o.actor, 'exit.manage');
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-task:${o.taskId}`}, 0))`;
    await rememberClick(tx, o.click);
    const task = await tx.exitTask.findUnique({ where: { id: o.taskId } });
    if (!task) throw new AppError('not_found', '找不到这个离职事项，可能已办结；请在「离职管理」中重新打开');
    if (task.state === 'DONE') return { text: `「${task.title}」已由 ${task.doneByName ?? '他人'} 办结` };
    refuseOwnCase(o.actor, task.employeeId, '这项离职事项');
    return markExitTaskDoneInTx(deps, tx, { task, actor: o.actor, note: o.note });
  });
}

export async function markExitTaskDoneInTx(deps: ServiceDeps, tx: Tx, o: { task: ExitTask; actor: Actor; note?: string }): Promise<{ text: string }> {
  const now = deps.now();
  const { task } = o;
  const note = o.note?.trim() || null;
  if (!(await compareAndSet(tx.exitTask, { id: task.id, state: 'OPEN', version: task.version }, { state: 'DONE', doneAt: now, doneById: o.actor.id, doneByName: o.actor.name, note, version: { increment: 1 } }))) {
    throw new AppError('conflict', '该事项已被他人更新，请刷新');
  }
  const dueOn = formatDay(task.dueOn) as string;
  const late = dayIn(deps.businessTz, now) > dueOn;
  await writeAuditEvent(tx, o.actor, { type: 'exit.task_done', data: { processId: task.processId, taskId: task.id, kind: task.kind, dueOn, late } }, { type: 'exit_process', id: task.processId });
  await closeExitCards(deps, tx, { subjectId: task.id, types: [EXIT_TASK_DUE_CARD, EXIT_TASK_OVERDUE_CARD], actor: o.actor, actionId: EXIT_TASK_DONE, label: '已办结' });
  const open = await tx.exitTask.count({ where: { processId: task.processId, state: 'OPEN' } });
  if (open === 0) await closeFinishedExit(tx, o.actor, task.processId, now);
  return { text: `已办结「${task.title}」${late ? `（已超过截止日期 ${dueOn}）` : ''}` };
}

/** The last item done closes a case that has ended (解除 or 离职 recorded); an open case stays open. */
async function closeFinishedExit(tx: Tx, actor: Actor, processId: string, now: Date): Promise<void> {
  const p = await tx.exitProcess.findUniqueOrThrow({ where: { id: processId }, select: { state: true, version: true } });
  if (p.state !== 'TERMINATED' && p.state !== 'EXITED') return;
  if (!(await compareAndSet(tx.exitProcess, { id: processId, state: p.state, version: p.version }, { state: 'CLOSED', closedAt: now, version: { increment: 1 } }))) {
    throw new AppError('conflict', '离职流程已被他人更新，请刷新后重试');
  }
  await writeAuditEvent(tx, actor, { type: 'exit.closed', data: { processId, from: p.state } }, { type: 'exit_process', id: processId });
}
