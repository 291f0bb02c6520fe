// The social-insurance knowledge quiz (docs/points.md): draw an attempt, hand it in once.
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.ts';
import { startQuiz } from '../../services/quiz/start-quiz.ts';
import { submitQuiz } from '../../services/quiz/submit-quiz.ts';
import { defineRoute } from '../api-route.ts';

const EVERYONE = 'every signed-in employee (for themselves)';
const attemptParams = z.object({ attemptId: z.uuid({ message: '答题编号格式不正确，请回到知识问答页重新开始' }) });
const submitBody = z.object({
  answers: z.record(
    z.string().max(20, '题目编号不正确，请刷新页面后重新答题'),
    z.number({ message: '每道题请选择一个选项' }).int().min(0, '选项不正确，请重新选择').max(3, '选项不正确，请重新选择'),
  ).refine((a) => Object.keys(a).length <= 50, '答案条数过多，请刷新页面后重新答题'),
}).strict();

export function quizRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/quiz', tag: 'points', roles: EVERYONE, action: 'quiz.take',
      summary: 'Start a knowledge quiz: 10 random questions (4 options each, no answers) bound to a new attempt id, the pass score and the points a pass earns once a calendar year',
      handler: ({ actor }) => startQuiz(deps, { actor }),
    }),
    defineRoute({
      method: 'post', path: '/quiz/:attemptId', tag: 'points', params: attemptParams, body: submitBody, roles: EVERYONE, action: 'quiz.take',
      summary: 'Hand in an attempt once ({ answers: { questionId: optionIndex 0–3 } }, every drawn question answered): the score of 100, each question with the right option, its article and explanation; a pass (≥ 80 by default) awards the quiz points once per calendar year (audit quiz.submitted, points.awarded). Answers for other questions 400, a second hand-in 409, someone else\'s attempt 404',
      handler: ({ actor, params, body }) => submitQuiz(deps, { actor, attemptId: params.attemptId, answers: body.answers }),
    }),
  ];
}
