// The employee came back: HR marks 已返岗, or the daily job sees a clock-in after the first notice.
// The case closes as RETURNED and the employee is ACTIVE again (自离 → 在职); the notices stay
// in the ledger (a later absence starts a new case).
import { EXIT_SEND_NOTICE } from '../../../cards/action-ids.ts';
import { EXIT_NEXT_STEP_CARD, EXIT_NOTICE_READY_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';

const RETURNABLE = ['NOTICE_1_PENDING', 'NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'];

export interface MarkReturnedOptions {
  processId: string;
  actor: Actor;
  source: 'hr' | 'attendance';
  note?: string;
}

/**
 * @example await markExitReturned(deps, { processId, actor, source: 'hr', note: '已于今日到岗' });
 */
export async function markExitReturned(deps: ServiceDeps, o: MarkReturnedOptions): Promise<{ text: string }> {
  if (o.source === 'hr') authorize(o.actor, 'exit.manage');
  const result = await deps.db.$transaction((tx) => markExitReturnedInTx(deps, tx, o));
  await sealExitEvidence(deps);
  return result;
}

export async function markExitReturnedInTx(deps: ServiceDeps, tx: Tx, o: MarkReturnedOptions): Promise<{ text: string }> {
  const p = await lockExitCaseForHr(tx, o.processId, o.actor);
  if (p.kind !== 'ABSENCE') throw new AppError('conflict', '只有旷工流程可以登记返岗');
  if (p.state === 'TERMINATION_APPROVAL') throw new AppError('conflict', '解除审批进行中：请先由审批人驳回，再登记返岗');
  if (!RETURNABLE.includes(p.state)) throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」，不能登记返岗`);
  const now = deps.now();
  const note = o.note?.trim() || undefined;
  await moveExitProcess(tx, p, 'RETURNED', { closedAt: now, deadline: null, ...(note && { note }) });
  await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: p.employeeId, to: 'ACTIVE', expectedStatus: 'ABSCONDED', reason: o.source === 'hr' ? `人事登记已返岗${note ? `：${note}` : ''}` : '返岗通知后已打卡上班' });
  await writeAuditEvent(tx, o.actor, { type: 'exit.returned', data: { processId: p.id, source: o.source, ...(note && { note }) } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.returned', metadata: { source: o.source }, at: now });
  await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NOTICE_READY_CARD, EXIT_NEXT_STEP_CARD], actor: o.actor, actionId: EXIT_SEND_NOTICE, label: '员工已返岗，流程关闭' });
  return { text: '已登记返岗，员工恢复为在职，流程已关闭' };
}
