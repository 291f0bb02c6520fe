// Sends the pending return-to-work notice (返岗通知书, first or second): the PDF citing the company
// rule (劳动合同法 第四条) and 第三十九条第（二）项, stored and ledgered; a chat message to the
// employee linking to the notice page in the H5 (where opening it records the read) and the PDF as
// a file message (queue-exit-notice-messages.ts). The return deadline (company setting, default 3
// days, rolled to a working day per 民法典 第二百零三条) runs from delivery, not from sending: until a
// chat message is accepted by the platform, an EMS / SMS delivery is recorded or the employee opens
// it, the notice is 待送达 (mark-exit-notice-delivered.ts). Without a chat account HR gets a card to
// send it by EMS.
import { EXIT_SEND_NOTICE } from '../../../cards/action-ids.ts';
import { NO_CHAT_ACCOUNT_ADVICE } from '../../../cards/exit-delivery-cards.ts';
import { EXIT_NOTICE_READY_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Tx } from '../../db/client.ts';
import { toJsonColumn } from '../../db/json-column.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { returnNoticeContent } from '../../domain/exits/exit-documents.ts';
import { exitStateLabels, pendingNotice, stepKindLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ExitProcess } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { issueExitDocument, ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { exitNoticeUrl, loadAbsentDays, loadExitEmployee } from './exit-facts.ts';
import { closeCaseWhenAbsenceEnded, requireCountedExitAbsence } from './guard-counted-absence.ts';
import { loadExitSettings } from './load-exit-settings.ts';
import { noticeFileName, queueExitNoticeMessages } from './queue-exit-notice-messages.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';
import { queueDeliveryNeededCard } from './queue-delivery-needed-card.ts';

export interface SentNotice {
  notice: string;
  /** Null until the notice is delivered: the deadline runs from delivery. */
  deadline: null;
  documentSha256: string;
  chatRecipients: number;
  text: string;
}

/**
 * @example
 *   const sent = await sendExitNotice(deps, { processId, actor }); // → { notice: 'return_notice_1', deadline: null, … } (待送达)
 */
export async function sendExitNotice(deps: ServiceDeps, o: { processId: string; actor: Actor; round?: 1 | 2; click?: ClickReceipt }): Promise<SentNotice> {
  authorize(o.actor, 'exit.manage');
  const sent = await closeCaseWhenAbsenceEnded(deps, o.processId, () =>
    deps.db.$transaction(async (tx) => {
      const process = await lockExitCaseForHr(tx, o.processId, o.actor);
      await rememberClick(tx, o.click);
      return sendExitNoticeInTx(deps, tx, { process, actor: o.actor, round: o.round });
    }));
  await sealExitEvidence(deps);
  return sent;
}

/** Inside the caller's transaction, with the process locked (lockExitProcess). */
export async function sendExitNoticeInTx(deps: ServiceDeps, tx: Tx, o: { process: ExitProcess; actor: Actor; round?: 1 | 2 }): Promise<SentNotice> {
  const p = o.process;
  const notice = pendingNotice(p.state);
  const round = notice === 'return_notice_2' ? 2 : 1;
  if (!notice || (o.round && o.round !== round)) {
    throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」，没有待发送的${o.round ? stepKindLabels[`return_notice_${o.round}`] : '返岗通知书'}`);
  }
  const employee = await loadExitEmployee(tx, p.employeeId);
  if (employee.status !== 'ABSCONDED') throw new AppError('conflict', `${employee.name} 当前不是「自离」状态，不能发送返岗通知书`);
  await requireCountedExitAbsence(deps, tx, p);
  const { rules } = await loadExitSettings(tx);
  const now = deps.now();
  const sentOn = dayIn(deps.businessTz, now);
  const absentDays = await loadAbsentDays(tx, p);
  const first = round === 2 ? await tx.exitStep.findUnique({ where: { processId_kind: { processId: p.id, kind: 'return_notice_1' } }, select: { sentAt: true } }) : null;
  const content = returnNoticeContent({
    ...employee, absentDays, absentCount: p.absentDays ?? absentDays.length, sentOn, returnDays: rules.returnDays, round,
    firstSentOn: first?.sentAt ? dayIn(deps.businessTz, first.sentAt) : undefined,
  }, rules);
  const documentSha256 = await issueExitDocument(deps, tx, { processId: p.id, employeeId: p.employeeId, document: notice, content, at: now });

  const identities = await tx.platformIdentity.findMany({ where: { employeeId: p.employeeId, platform: { in: deps.chatPlatforms } }, select: { platform: true, userId: true } });
  const messageKey = `exit-notice:${p.id}:${notice}`;
  const url = exitNoticeUrl(deps.publicBaseUrl, p.id);
  const text = `【${content.title}】${employee.name}：你自 ${absentDays[0] ?? '—'} 起未到岗出勤，请自本通知送达之日起 ${rules.returnDays} 日内返回工作岗位（遇法定节假日顺延）。逾期不返岗，公司将依据《劳动合同法》第三十九条第（二）项和${rules.attendanceRuleName}解除劳动合同。请打开通知书全文并回复是否返岗：${url}`;
  const channels = await queueExitNoticeMessages(deps, tx, { messageKey, identities, text, documentSha256, fileName: noticeFileName(stepKindLabels[notice] ?? content.title, employee.name), at: now });
  await tx.exitStep.create({
    data: {
      processId: p.id, employeeId: p.employeeId, kind: notice, documentSha256, sentAt: now, sentById: o.actor.id, sentByName: o.actor.name, messageKey,
      channels: toJsonColumn(channels),
    },
  });
  await moveExitProcess(tx, p, round === 1 ? 'NOTICE_1_SENT' : 'NOTICE_2_SENT', { deadline: null });
  await writeAuditEvent(tx, o.actor, { type: 'exit.notice_sent', data: { processId: p.id, notice, documentSha256, chatRecipients: identities.length } }, { type: 'exit_process', id: p.id });
  await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.notice_sent', metadata: { notice, channels: identities.map((i) => i.platform) }, at: now });
  await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NOTICE_READY_CARD], actor: o.actor, actionId: EXIT_SEND_NOTICE, label: '已发送，送达后起算返岗期限' });
  if (identities.length === 0) await queueDeliveryNeededCard(deps, tx, { process: p, employee, notice, actor: o.actor });
  const noChat = identities.length === 0 ? `${NO_CHAT_ACCOUNT_ADVICE}。` : '';
  return {
    notice, deadline: null, documentSha256, chatRecipients: identities.length,
    text: `已向 ${employee.name} 发送${stepKindLabels[notice]}，待送达：返岗期限自送达之日起 ${rules.returnDays} 日。${noChat}`,
  };
}
