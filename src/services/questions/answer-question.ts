// HR answers a question (from the H5 page the card opens). The state moves OPEN/ESCALATED →
// ANSWERED once, through compareAndSet; the employee gets the answer in chat through the outbox
// and every HR card of the question closes with who answered.
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { QUESTION_TEXT_MAX, questionKindLabels, type QuestionKind } from '../../domain/questions/employee-question.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { decideOpenCards } from '../cards/close-cards.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { QUESTION_SUBJECT, questionPageUrl } from './question-links.ts';

export const QUESTION_ANSWERED_ACTION = 'question.answered';

/**
 * @example
 *   await answerQuestion(deps, { actor, id, answer: '你的社保已于 12 月 3 日增员，本月起缴纳。', channel: 'h5' })
 */
export async function answerQuestion(deps: ServiceDeps, o: { actor: Actor; id: string; answer: string; channel: string }): Promise<{ state: 'ANSWERED' }> {
  authorize(o.actor, 'question.answer');
  const answer = o.answer.trim();
  if (answer.length < 2) throw new AppError('bad_request', '请填写答复内容，至少 2 个字');
  if (answer.length > QUESTION_TEXT_MAX) throw new AppError('bad_request', `答复最多 ${QUESTION_TEXT_MAX} 字，请精简后再提交`);
  const q = await deps.db.employeeQuestion.findUnique({ where: { id: o.id } });
  if (!q) throw new AppError('not_found', '找不到这条咨询，请从列表重新打开');
  if (q.state === 'ANSWERED') throw new AppError('conflict', `这条咨询已由 ${q.answeredByName ?? '他人'} 答复，无需重复答复`);
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const changed = await compareAndSet(tx.employeeQuestion, { id: q.id, state: q.state, version: q.version }, {
      state: 'ANSWERED', answer, answeredById: o.actor.id, answeredByName: o.actor.name, answeredAt: now, version: { increment: 1 },
    });
    if (!changed) throw new AppError('conflict', '这条咨询刚刚已被他人处理，请刷新后查看');
    const late = dayIn(deps.businessTz, now) > formatDay(q.dueOn)!;
    await writeAuditEvent(tx, o.actor, { type: 'question.answered', data: { questionId: q.id, fromState: q.state as 'OPEN' | 'ESCALATED', channel: o.channel, late } }, { type: QUESTION_SUBJECT, id: q.id });
    const label = questionKindLabels[q.kind as QuestionKind] ?? '咨询';
    const text = [`你的${label}已有答复（${o.actor.name}）：`, answer, `你的问题：${q.text}`, `查看：${questionPageUrl(deps.publicBaseUrl, q.id)}`].join('\n');
    const identities = await tx.platformIdentity.findMany({ where: { employeeId: q.employeeId, platform: { in: deps.chatPlatforms } }, select: { platform: true, userId: true } });
    for (const i of identities) {
      await deps.outbox.enqueue(tx, { dedupeKey: `question-answer:${q.id}:${i.platform}`, platform: i.platform, recipients: [i.userId], payload: { kind: 'text', text } });
    }
    const cards = await tx.cardInstance.findMany({ where: { subjectType: QUESTION_SUBJECT, subjectId: q.id, state: 'OPEN' } });
    await decideOpenCards(deps, tx, cards, { actor: o.actor, actionId: QUESTION_ANSWERED_ACTION, decided: { label: '已答复', byName: o.actor.name, at: now.toISOString() } });
  });
  return { state: 'ANSWERED' };
}
