// The employee answers the latest return-to-work notice from the H5: 「我将于 YYYY-MM-DD 返岗」
// or 「我已离职」. The answer is evidence either way and HR gets a card; only an actual return
// (a clock-in, or HR's 已返岗) closes the case. 「我已离职」 is not a lawful resignation by itself
// (劳动合同法 第三十七条 requires written notice): the employee may confirm it as one with a drawn
// signature on the sign page (resignation-confirmation-template.ts, with the last day named here,
// at most 30 days on); until then the chain goes on.
import { buildExitEmployeeAnsweredCard } from '../../../cards/exit-notice-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, dayIn, formatDateTime, parseDay } from '../../domain/dates.ts';
import { stepKindLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { ledgerExitEvent, sealExitEvidence } from './exit-evidence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { lockExitProcess } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';

export interface AnswerExitNoticeOptions {
  processId: string;
  actor: Actor;
  answer: 'RETURN' | 'RESIGNED';
  /** Required for RETURN: the day the employee says they will be back. */
  returnOn?: string;
  /** RESIGNED: the last day to confirm as a written resignation (today … today + 30). */
  lastDay?: string;
  note?: string;
}

const ANSWERABLE = ['NOTICE_1_SENT', 'NOTICE_2_PENDING', 'NOTICE_2_SENT', 'UNION_PENDING', 'UNION_NOTIFIED'];

/**
 * @example await answerExitNotice(deps, { processId, actor: employee, answer: 'RETURN', returnOn: '2026-11-04' });
 */
export async function answerExitNotice(deps: ServiceDeps, o: AnswerExitNoticeOptions): Promise<{ text: string }> {
  authorize(o.actor, 'exit.read');
  const now = deps.now();
  const today = dayIn(deps.businessTz, now);
  if (o.answer === 'RETURN') {
    if (!o.returnOn) throw new AppError('validation_failed', '请选择返岗日期');
    if (o.returnOn < today || o.returnOn > addDays(today, 30)) throw new AppError('validation_failed', `返岗日期应在 ${today} 至 ${addDays(today, 30)} 之间`);
  }
  if (o.lastDay && (o.answer !== 'RESIGNED' || o.lastDay < today || o.lastDay > addDays(today, 30))) {
    throw new AppError('validation_failed', o.answer !== 'RESIGNED' ? '只有「我已离职」可以填写最后工作日' : `最后工作日应在 ${today} 至 ${addDays(today, 30)} 之间`);
  }
  const result = await deps.db.$transaction(async (tx) => {
    const p = await lockExitProcess(tx, o.processId);
    if (p.employeeId !== o.actor.id) throw new AppError('forbidden', '只能回复发给本人的返岗通知书');
    if (!ANSWERABLE.includes(p.state)) throw new AppError('conflict', '该流程当前不接受回复');
    const step = await tx.exitStep.findFirst({ where: { processId: p.id, kind: { in: ['return_notice_1', 'return_notice_2'] }, sentAt: { not: null } }, orderBy: { sentAt: 'desc' } });
    if (!step) throw new AppError('conflict', '还没有发给你的返岗通知书');
    if (step.answer) throw new AppError('conflict', `你已于 ${formatDateTime(deps.businessTz, step.answeredAt as Date)} 回复过这份通知书`);
    const note = o.note?.trim() || null;
    await tx.exitStep.update({
      where: { id: step.id },
      data: { answer: o.answer, answerReturnOn: o.answer === 'RETURN' && o.returnOn ? parseDay(o.returnOn) : null, answerLastDay: o.lastDay ? parseDay(o.lastDay) : null, answerNote: note, answeredAt: now, ...(!step.readAt && { readAt: now, readIp: o.actor.ip ?? null, readUserAgent: o.actor.userAgent ?? null }) },
    });
    await writeAuditEvent(tx, o.actor, { type: 'exit.employee_answered', data: { processId: p.id, notice: step.kind, answer: o.answer, ...(o.answer === 'RETURN' && { returnOn: o.returnOn }) } }, { type: 'exit_process', id: p.id });
    await ledgerExitEvent(tx, { processId: p.id, employeeId: p.employeeId, type: 'exit.employee_answered', metadata: { notice: step.kind, answer: o.answer, returnOn: o.returnOn ?? null, note }, at: now });
    const employee = await loadExitEmployee(tx, p.employeeId);
    const answer = o.answer === 'RETURN' ? `我将于 ${o.returnOn} 返岗` : '我已离职';
    await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: `answer-${step.kind.slice(-1)}`, audience: { kind: 'hr' },
      build: (key) => buildExitEmployeeAnsweredCard({ employee, answer: note ? `${answer}（${note}）` : answer, answeredAt: formatDateTime(deps.businessTz, now), notice: stepKindLabels[step.kind] ?? step.kind, key, h5Url: exitCaseUrl(deps.publicBaseUrl, p.id) }),
    });
    return { text: o.answer === 'RETURN' ? `已收到你的回复：${answer}。请按时到岗打卡。` : '已收到你的回复并转告人事。如确认以此作为书面辞职通知（《劳动合同法》第三十七条），请在签署页手写签名。' };
  });
  await sealExitEvidence(deps);
  return result;
}
