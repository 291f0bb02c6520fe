// The HR manager approved the termination ('absence-termination', inside the deciding
// transaction): the 解除劳动合同通知书 citing 劳动合同法 第三十九条第（二）项 and the company rule is
// issued, ledgered and sent (the engine ledgers the decision under this case already). A unilateral
// termination takes effect when its notice reaches the employee, so the case waits in
// TERMINATION_NOTICE_SENT (待送达) until then; on delivery (mark-exit-notice-delivered.ts) the
// employee moves 自离 → 离职 with the delivery day as the exit date and the checklist opens.
import type { Tx } from '../../db/client.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { terminationNoticeContent } from '../../domain/exits/exit-documents.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { AppError } from '../../errors.ts';
import type { ExitProcess } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { createExitChecklist } from './create-exit-checklist.ts';
import { issueExitDocument, ledgerExitEvent } from './exit-evidence.ts';
import { loadExitEmployee } from './exit-facts.ts';
import { requireCountedExitAbsence } from './guard-counted-absence.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { queueDeliveryNeededCard } from './queue-delivery-needed-card.ts';
import { noticeFileName, queueExitNoticeMessages } from './queue-exit-notice-messages.ts';

/**
 * @example await terminateAbsentEmployee(deps, tx, { processId: approval.subjectId, approvalId: approval.id, actor });
 */
export async function terminateAbsentEmployee(deps: ServiceDeps, tx: Tx, o: { processId: string; approvalId: string; actor: Actor }): Promise<{ issuedOn: string }> {
  const p = await lockExitProcess(tx, o.processId);
  if (p.state !== 'TERMINATION_APPROVAL' || p.approvalId !== o.approvalId) {
    throw new AppError('conflict', `离职流程当前为「${exitStateLabels[p.state] ?? p.state}」，不能按此审批解除劳动合同`);
  }
  const now = deps.now();
  const issuedOn = dayIn(deps.businessTz, now);
  const employee = await loadExitEmployee(tx, p.employeeId);
  const { rules } = await loadExitSettings(tx);
  const steps = await tx.exitStep.findMany({ where: { processId: p.id }, orderBy: { createdAt: 'asc' } });
  const union = steps.find((s) => s.kind === 'union_notification');
  // The days recounted through the day the notice is issued, not the ones frozen at detection; a
  // clock-in or leave that arrived since the request refuses the approval (第三十九条第（二）项).
  const absentDays = await requireCountedExitAbsence(deps, tx, p);
  const noticesSentOn = steps.filter((s) => s.kind.startsWith('return_notice') && s.sentAt).map((s) => dayIn(deps.businessTz, s.sentAt as Date));
  const content = terminationNoticeContent({
    ...employee, absentDays, issuedOn, noticesSentOn, absentAfterNotices: noticesSentOn.map((on) => absentDays.filter((d) => d > on).length),
    unionNotifiedOn: formatDay(union?.notifiedOn) ?? '—', unionReply: union?.unionReply ?? '—',
    notifiedBody: union?.notifiedBody, companyAnswer: union?.companyAnswer, companyAnsweredOn: formatDay(union?.companyAnsweredOn),
  }, rules);
  const documentSha256 = await issueExitDocument(deps, tx, { processId: p.id, employeeId: p.employeeId, document: 'termination_notice', content, at: now });
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: p.employeeId, platform: { in: deps.chatPlatforms } }, select: { platform: true, userId: true } });
  const messageKey = `exit-notice:${p.id}:termination_notice`;
  const text = `【解除劳动合同通知书】${employee.name}：你逾期未返岗，违反${rules.attendanceRuleName}，属于严重违反用人单位规章制度。公司已通知工会，依据《劳动合同法》第三十九条第（二）项解除与你的劳动合同，自本通知送达之日起生效。公司将依法出具离职证明，并在十五日内办理档案和社会保险关系转移（第五十条）。`;
  const channels = await queueExitNoticeMessages(deps, tx, { messageKey, identities, text, documentSha256, fileName: noticeFileName('解除劳动合同通知书', employee.name), at: now });
  await tx.exitStep.create({
    data: {
      processId: p.id, employeeId: p.employeeId, kind: 'termination_notice', documentSha256, sentAt: now, sentById: o.actor.id, sentByName: o.actor.name, messageKey,
      channels: toJsonColumn(channels),
    },
  });
  await moveExitProcess(tx, p, 'TERMINATION_NOTICE_SENT', { deadline: null });
  await writeAuditEvent(tx, o.actor, { type: 'exit.notice_sent', data: { processId: p.id, notice: 'termination_notice', documentSha256, chatRecipients: identities.length } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.notice_sent', metadata: { notice: 'termination_notice', channels: identities.map((i) => i.platform), absentDays }, at: now });
  if (identities.length === 0) await queueDeliveryNeededCard(deps, tx, { process: p, employee, notice: 'termination_notice', actor: o.actor });
  return { issuedOn };
}

/**
 * The termination notice reached the employee (mark-exit-notice-delivered.ts): it takes effect that day.
 *
 * @example await terminateOnDeliveryInTx(tx, { process, exitDate: '2026-11-12', documentSha256, actor, at: now });
 */
export async function terminateOnDeliveryInTx(tx: Tx, o: { process: ExitProcess; exitDate: string; documentSha256: string; actor: Actor; at: Date }): Promise<void> {
  const p = o.process;
  await moveExitProcess(tx, p, 'TERMINATED', { exitDate: parseDay(o.exitDate), deadline: null });
  await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: p.employeeId, to: 'EXITED', expectedStatus: 'ABSCONDED', exitDate: o.exitDate, reason: `旷工经两次书面通知未返岗，已通知工会，依据《劳动合同法》第三十九条第（二）项解除劳动合同，解除通知书于 ${o.exitDate} 送达（审批 ${p.approvalId ?? '—'}）` });
  await writeAuditEvent(tx, o.actor, { type: 'exit.terminated', data: { processId: p.id, exitDate: o.exitDate, documentSha256: o.documentSha256 } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.terminated', metadata: { exitDate: o.exitDate }, at: o.at });
  await createExitChecklist(tx, { processId: p.id, employeeId: p.employeeId, exitDate: o.exitDate, actor: o.actor });
}
