// Employees' 社保咨询 / 投诉 over REST: the H5 asks, lists and reads them; HR answers. The bot
// calls the same services (src/services/bot/answer-question-text.ts).
import { z } from 'zod';
import { QUESTION_KINDS, QUESTION_TEXT_MAX } from '../../domain/questions/employee-question.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { answerQuestion } from '../../services/questions/answer-question.ts';
import { askQuestion } from '../../services/questions/ask-question.ts';
import { getQuestion, listQuestions } from '../../services/questions/list-questions.ts';
import { defineRoute, idParams } from '../api-route.ts';

const EVERYONE = 'every signed-in employee (HR sees all questions, others their own)';
const text = (what: string) => z.string({ message: `请填写${what}` }).trim().min(2, `${what}至少 2 个字`).max(QUESTION_TEXT_MAX, `${what}最多 ${QUESTION_TEXT_MAX} 字`);
const askBody = z.object({ kind: z.enum(QUESTION_KINDS, { message: '类型应为咨询或投诉' }), text: text('问题') }).strict();
const answerBody = z.object({ answer: text('答复') }).strict();

export function questionRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'post', path: '/questions', tag: 'questions', body: askBody, status: 201, roles: 'every signed-in employee',
      summary: 'Ask HR a social-insurance question or file a complaint; HR gets a card and must answer within 3 working days',
      handler: ({ actor, body }) => askQuestion(deps, { actor, ...body, channel: 'h5' }),
    }),
    defineRoute({
      method: 'get', path: '/questions', tag: 'questions', roles: EVERYONE,
      summary: 'Questions and complaints, unanswered first: all of them for HR, the caller\'s own otherwise',
      handler: ({ actor }) => listQuestions(deps, { actor }),
    }),
    defineRoute({
      method: 'get', path: '/questions/:id', tag: 'questions', params: idParams('咨询'), roles: EVERYONE,
      summary: 'One question with its answer and whether the caller may answer it',
      handler: ({ actor, params }) => getQuestion(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/questions/:id/answer', tag: 'questions', params: idParams('咨询'), body: answerBody, roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN', action: 'question.answer',
      summary: 'Answer a question once: the employee gets the answer in chat and HR\'s cards close',
      handler: ({ actor, params, body }) => answerQuestion(deps, { actor, id: params.id, answer: body.answer, channel: 'h5' }),
    }),
  ];
}
