// An employee hands in a quiz attempt: scored out of 100, each question shown with the right
// option and its article. A pass (≥ the company's pass score, 80 by default) earns the quiz points
// once per employee and calendar year (Asia/Shanghai, the year of submission). Answers for other
// questions, an attempt already handed in, or someone else's attempt are refused and change nothing.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { quizQuestion, scoreQuiz } from '../../domain/quiz/quiz-bank.ts';
import type { QuizResultView } from '../../domain/views/points.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { awardPoints } from '../points/award-points.ts';
import { loadPointRules } from '../points/get-point-rules.ts';

export interface SubmitQuizOptions {
  actor: Actor;
  attemptId: string;
  /** Question id → chosen option index (0–3). */
  answers: Record<string, number>;
}

const NOT_FOUND = '找不到这次答题，请回到知识问答页重新开始';

/**
 * @example (await submitQuiz(deps, { actor, attemptId, answers: { q01: 3, … } })).score // 90
 */
export async function submitQuiz(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: SubmitQuizOptions): Promise<QuizResultView> {
  authorize(o.actor, 'quiz.take');
  const attempt = await deps.db.quizAttempt.findUnique({ where: { id: o.attemptId } });
  if (attempt?.employeeId !== o.actor.id) throw new AppError('not_found', NOT_FOUND);
  if (attempt.submittedAt) throw new AppError('conflict', '这次答题已经提交过，不能重复提交；如需再答，请重新开始一次答题');
  const drawn = new Set(attempt.questionIds);
  if (Object.keys(o.answers).some((id) => !drawn.has(id))) throw new AppError('bad_request', '答案中有不属于这次答题的题目，请刷新页面后重新答题');
  const missing = attempt.questionIds.filter((id) => o.answers[id] === undefined).length;
  if (missing > 0) throw new AppError('bad_request', `还有 ${missing} 道题没有作答，请全部作答后再提交`);
  const { score, marks } = scoreQuiz(attempt.questionIds, o.answers);
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const rules = await loadPointRules(tx);
    const passed = score >= rules.quizPassScore;
    if (!(await compareAndSet(tx.quizAttempt, { id: attempt.id, submittedAt: null }, { submittedAt: now, answers: o.answers, score }))) {
      throw new AppError('conflict', '这次答题已经提交过，不能重复提交；如需再答，请重新开始一次答题');
    }
    await writeAuditEvent(tx, o.actor, { type: 'quiz.submitted', data: { attemptId: attempt.id, score, passed, questions: marks.length } }, { type: 'quiz_attempt', id: attempt.id });
    const year = dayIn(deps.businessTz, now).slice(0, 4);
    const award = passed
      ? await awardPoints(tx, { actor: o.actor, employeeId: o.actor.id, rule: 'quizPass', subjectId: year, at: now, reason: `${year} 年社保知识问答 ${score} 分（${rules.quizPassScore} 分及格）`, evidence: { attemptId: attempt.id } })
      : { points: 0 };
    return {
      attemptId: attempt.id, score, passScore: rules.quizPassScore, passed, pointsAwarded: award.points,
      marks: marks.map((m) => {
        const q = quizQuestion(m.questionId);
        return { ...m, text: q?.text ?? '', options: q?.options ?? [], article: q?.article ?? '', explanation: q?.explanation ?? '' };
      }),
    };
  });
}
