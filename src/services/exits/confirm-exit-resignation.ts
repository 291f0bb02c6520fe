// The absent employee signed 「我已离职」 as a written resignation (劳动合同法 第三十七条), in the
// signing transaction (sign-declaration.ts → after-signing.ts). The case becomes a resignation: the
// absence chain stops (no further notice, union step or 第三十九条 termination), the employee moves
// 自离 → 待离职 with the named last day as the exit date (closed at once when that is today), and
// HR gets a card. The signed PDF is already in the case's evidence ledger.
import { buildExitResignationConfirmedCard } from '../../../cards/exit-delivery-cards.ts';
import { EXIT_NEXT_STEP_CARD, EXIT_NOTICE_READY_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Tx } from '../../db/client.ts';
import { systemActor, type Actor } from '../../domain/actor.ts';
import { dayIn, formatDateTime, parseDay } from '../../domain/dates.ts';
import { daysBetween } from '../../domain/calendar/day-math.ts';
import { RESIGNABLE_STATES, resignationLastDay } from '../../documents/resignation-confirmation-template.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { completeExitInTx } from './complete-exit.ts';
import { ledgerExitEvent } from './exit-evidence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';

/**
 * @example await confirmExitResignationInTx(deps, tx, { processId, signatureId, actor: employee, signedAt });
 */
export async function confirmExitResignationInTx(deps: ServiceDeps, tx: Tx, o: { processId: string; signatureId: string; actor: Actor; signedAt: Date }): Promise<{ lastDay: string }> {
  const p = await lockExitProcess(tx, o.processId);
  if (p.employeeId !== o.actor.id) throw new AppError('forbidden', '只能由员工本人签署书面辞职');
  if (p.kind !== 'ABSENCE' || !RESIGNABLE_STATES.includes(p.state)) throw new AppError('conflict', '该离职流程当前不接受书面辞职');
  const today = dayIn(deps.businessTz, o.signedAt);
  const answer = await tx.exitStep.findFirst({ where: { processId: p.id, kind: { in: ['return_notice_1', 'return_notice_2'] }, sentAt: { not: null } }, orderBy: { sentAt: 'desc' } });
  if (answer?.answer !== 'RESIGNED') throw new AppError('conflict', '请先在返岗通知书页面选择「我已离职」');
  const lastDay = resignationLastDay(answer.answerLastDay, today);
  await moveExitProcess(tx, p, 'ACCEPTED', { kind: 'RESIGNATION', requestedOn: parseDay(today), exitDate: parseDay(lastDay), noticeDays: daysBetween(today, lastDay), deadline: null });
  await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: p.employeeId, to: 'PENDING_EXIT', expectedStatus: 'ABSCONDED', reason: `员工签名确认「我已离职」为书面辞职通知（《劳动合同法》第三十七条），最后工作日 ${lastDay}` });
  await writeAuditEvent(tx, o.actor, { type: 'exit.resignation_confirmed', data: { processId: p.id, signatureId: o.signatureId, lastDay } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.resignation_confirmed', metadata: { signatureId: o.signatureId, lastDay }, at: o.signedAt });
  const system = systemActor('exit-resignation', '书面辞职');
  await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NOTICE_READY_CARD, EXIT_NEXT_STEP_CARD], actor: system, actionId: 'exit.resignation_confirmed', label: '员工已书面辞职，流程停止' });
  const employee = await loadExitEmployee(tx, p.employeeId);
  await queueExitCard(deps, tx, {
    actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: 'resigned', audience: { kind: 'hr' },
    build: (key) => buildExitResignationConfirmedCard({ employee, lastDay, signedAt: formatDateTime(deps.businessTz, o.signedAt), key, h5Url: exitCaseUrl(deps.publicBaseUrl, p.id) }),
  });
  if (lastDay <= today) await completeExitInTx(deps, tx, { processId: p.id, actor: system, today });
  return { lastDay };
}
