// The HR manager approved the termination ('absence-termination', inside the deciding
// transaction): the 解除劳动合同通知书 citing 劳动合同法 第三十九条第（二）项 and the company rule is
// issued, ledgered and sent (the engine ledgers the decision under this case already); the employee
// moves 自离 → 离职 with today as the exit date; the checklist opens.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { terminationNoticeContent } from '../../domain/exits/exit-documents.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { AppError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { transitionEmployeeStatusInTx } from '../employees/transition-employee-status.ts';
import { createExitChecklist } from './create-exit-checklist.ts';
import { issueExitDocument, ledgerExitEvent } from './exit-evidence.ts';
import { loadAbsentDays, loadExitEmployee } from './exit-facts.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { noticeFileName, queueExitNoticeMessages } from './queue-exit-notice-messages.ts';

/**
 * @example await terminateAbsentEmployee(deps, tx, { processId: approval.subjectId, approvalId: approval.id, actor });
 */
export async function terminateAbsentEmployee(deps: ServiceDeps, tx: Tx, o: { processId: string; approvalId: string; actor: Actor }): Promise<{ exitDate: string }> {
  const p = await lockExitProcess(tx, o.processId);
  if (p.state !== 'TERMINATION_APPROVAL' || p.approvalId !== o.approvalId) {
    throw new AppError('conflict', `离职流程当前为「${exitStateLabels[p.state] ?? p.state}」，不能按此审批解除劳动合同`);
  }
  const now = deps.now();
  const exitDate = dayIn(deps.businessTz, now);
  const employee = await loadExitEmployee(tx, p.employeeId);
  const { rules } = await loadExitSettings(tx);
  const steps = await tx.exitStep.findMany({ where: { processId: p.id }, orderBy: { createdAt: 'asc' } });
  const union = steps.find((s) => s.kind === 'union_notification');
  const content = terminationNoticeContent({
    ...employee, absentDays: await loadAbsentDays(tx, p), exitDate,
    noticesSentOn: steps.filter((s) => s.kind.startsWith('return_notice') && s.sentAt).map((s) => dayIn(deps.businessTz, s.sentAt as Date)),
    unionNotifiedOn: formatDay(union?.notifiedOn) ?? '—', unionReply: union?.unionReply ?? '—',
    notifiedBody: union?.notifiedBody, companyAnswer: union?.companyAnswer, companyAnsweredOn: formatDay(union?.companyAnsweredOn),
  }, rules);
  const documentSha256 = await issueExitDocument(deps, tx, { processId: p.id, employeeId: p.employeeId, document: 'termination_notice', content, at: now });
  const identities = await tx.platformIdentity.findMany({ where: { employeeId: p.employeeId, platform: { in: deps.chatPlatforms } }, select: { platform: true, userId: true } });
  const messageKey = `exit-notice:${p.id}:termination_notice`;
  const text = `【解除劳动合同通知书】${employee.name}：你逾期未返岗，违反${rules.attendanceRuleName}，属于严重违反用人单位规章制度。公司已通知工会，依据《劳动合同法》第三十九条第（二）项，自 ${exitDate} 起解除与你的劳动合同。公司将依法出具离职证明，并在十五日内办理档案和社会保险关系转移（第五十条）。`;
  const channels = await queueExitNoticeMessages(deps, tx, { messageKey, identities, text, documentSha256, fileName: noticeFileName('解除劳动合同通知书', employee.name), at: now });
  await tx.exitStep.create({
    data: {
      processId: p.id, employeeId: p.employeeId, kind: 'termination_notice', documentSha256, sentAt: now, sentById: o.actor.id, sentByName: o.actor.name, messageKey,
      channels: channels as unknown as Prisma.InputJsonValue[],
    },
  });
  await moveExitProcess(tx, p, 'TERMINATED', { exitDate: new Date(`${exitDate}T00:00:00.000Z`), deadline: null });
  await transitionEmployeeStatusInTx(tx, { actor: o.actor, id: p.employeeId, to: 'EXITED', expectedStatus: 'ABSCONDED', exitDate, reason: `旷工经两次书面通知未返岗，已通知工会，依据《劳动合同法》第三十九条第（二）项解除劳动合同（审批 ${o.approvalId}）` });
  await writeAuditEvent(tx, o.actor, { type: 'exit.terminated', data: { processId: p.id, exitDate, documentSha256 } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.terminated', metadata: { exitDate, chatRecipients: identities.length }, at: now });
  await createExitChecklist(tx, { processId: p.id, employeeId: p.employeeId, exitDate, actor: o.actor });
  return { exitDate };
}
