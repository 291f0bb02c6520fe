// An employee starts the knowledge quiz: QUIZ_SIZE questions drawn at random, stored as an
// attempt so the answers can only be for these questions and are accepted once.
import { randomInt } from 'node:crypto';
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { drawQuizQuestions, quizQuestion } from '../../domain/quiz/quiz-bank.ts';
import type { QuizStartView } from '../../domain/views/points.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadPointRules } from '../points/get-point-rules.ts';

const RANDOM_RANGE = 2 ** 40;
const cryptoRandom = () => randomInt(RANDOM_RANGE) / RANDOM_RANGE;

/** @example (await startQuiz(deps, { actor })).questions.length // 10 */
export async function startQuiz(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: { actor: Actor }): Promise<QuizStartView> {
  authorize(o.actor, 'quiz.take');
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '知识问答需要以员工身份登录后参加');
  const questionIds = drawQuizQuestions(cryptoRandom);
  const year = dayIn(deps.businessTz, deps.now()).slice(0, 4);
  const [attempt, rules, awarded] = await Promise.all([
    deps.db.quizAttempt.create({ data: { employeeId: o.actor.id, questionIds, startedAt: deps.now() } }),
    loadPointRules(deps.db),
    deps.db.pointAward.count({ where: { employeeId: o.actor.id, rule: 'quizPass', subjectId: year } }),
  ]);
  return {
    attemptId: attempt.id,
    questions: questionIds.map((id) => {
      const q = quizQuestion(id);
      return { id, text: q?.text ?? '', options: q?.options ?? [] };
    }),
    passScore: rules.quizPassScore,
    passPoints: rules.quizPass,
    awardedThisYear: awarded > 0,
  };
}
