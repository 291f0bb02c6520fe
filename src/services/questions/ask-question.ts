// An employee asks (社保咨询) or complains (投诉), from the H5 or the bot. The question is stored
// with its answer deadline, audited, and HR gets a card in the same transaction.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import { QUESTION_TEXT_MAX, questionDueOn, type QuestionKind } from '../../domain/questions/employee-question.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
import type { ServiceDeps } from '../deps.ts';
import { QUESTION_SUBJECT } from './question-links.ts';
import { queueQuestionCards } from './queue-question-cards.ts';

export interface AskQuestionOptions {
  actor: Actor;
  kind: QuestionKind;
  text: string;
  /** 'h5' or the chat platform it was typed on. */
  channel: string;
  /** The chat delivery it came in ('platform:deliveryId'): the same delivery handled again stores nothing new. */
  sourceKey?: string;
}

/**
 * @example
 *   await askQuestion(deps, { actor, kind: 'QUESTION', text: '我的社保怎么没交？', channel: 'wecom' }) // → { id, dueOn: '2026-12-10' }
 */
export async function askQuestion(deps: ServiceDeps, o: AskQuestionOptions): Promise<{ id: string; dueOn: string }> {
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '咨询和投诉需要以员工身份登录后提交');
  const text = o.text.trim();
  if (text.length < 2) throw new AppError('bad_request', '请写下你的问题，至少 2 个字');
  if (text.length > QUESTION_TEXT_MAX) throw new AppError('bad_request', `内容最多 ${QUESTION_TEXT_MAX} 字，请精简后再提交`);
  if (o.sourceKey) {
    const stored = await deps.db.employeeQuestion.findUnique({ where: { sourceKey: o.sourceKey }, select: { id: true, dueOn: true } });
    if (stored) return { id: stored.id, dueOn: formatDay(stored.dueOn) as string };
  }
  const employee = await deps.db.employee.findUnique({ where: { id: o.actor.id }, select: { name: true, managerId: true, departmentId: true, department: { select: { name: true } } } });
  if (!employee) throw new AppError('not_found', '找不到你的员工档案，请联系人事');
  const calendar = await loadWorkCalendar(deps.db, { purpose: 'legal', missingYear: 'question answer deadlines may move' });
  const dueOn = questionDueOn(dayIn(deps.businessTz, deps.now()), calendar);
  const id = await deps.db.$transaction(async (tx) => {
    const question = await tx.employeeQuestion.create({
      data: { employeeId: o.actor.id, departmentId: employee.departmentId, kind: o.kind, text, channel: o.channel, sourceKey: o.sourceKey, dueOn: parseDay(dueOn), createdAt: deps.now() },
    });
    await writeAuditEvent(tx, o.actor, { type: 'question.asked', data: { questionId: question.id, kind: o.kind, channel: o.channel, dueOn } }, { type: QUESTION_SUBJECT, id: question.id });
    const hr = await findHrRecipients(tx, deps.chatPlatforms, { kind: 'question', now: deps.now(), businessTz: deps.businessTz });
    await queueQuestionCards(deps, tx, {
      question, employee: { name: employee.name, department: employee.department.name }, escalated: false, recipients: (p) => hr.answering(p, { managerId: employee.managerId }), group: hr, actor: o.actor,
      availableAt: hr.availableAt({ legalDeadlineToday: false }),
    });
    return question.id;
  });
  return { id, dueOn };
}
