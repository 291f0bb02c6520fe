// The social-insurance knowledge quiz (docs/points.md): the questions are data
// (quiz-questions.json, each citing its article from docs/law facts), checked once on load so a
// broken entry fails at start-up rather than in front of an employee.
import { z } from 'zod';
import rawQuestions from './quiz-questions.json' with { type: 'json' };

export const QUIZ_SIZE = 10;
export const QUIZ_FULL_SCORE = 100;

const quizQuestionSchema = z.object({
  id: z.string().regex(/^q\d{2,}$/),
  text: z.string().min(5),
  options: z.array(z.string().min(1)).length(4),
  /** Index (0–3) of the correct option. */
  answer: z.number().int().min(0).max(3),
  /** The article the answer rests on, e.g. 《社会保险法》第五十八条. */
  article: z.string().min(4),
  explanation: z.string().min(10),
}).strict();

export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizQuestions: readonly QuizQuestion[] = z.array(quizQuestionSchema).min(20)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'quiz question ids must be unique')
  .parse(rawQuestions);

const byId = new Map(quizQuestions.map((q) => [q.id, q]));

export const quizQuestion = (id: string): QuizQuestion | undefined => byId.get(id);

/**
 * QUIZ_SIZE distinct question ids, uniformly at random (`random` in [0, 1), injectable for tests).
 * @example drawQuizQuestions(Math.random).length // 10
 */
export function drawQuizQuestions(random: () => number): string[] {
  const ids = quizQuestions.map((q) => q.id);
  // Fisher–Yates, stopped after QUIZ_SIZE picks.
  for (let i = 0; i < QUIZ_SIZE; i++) {
    const j = i + Math.floor(random() * (ids.length - i));
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return ids.slice(0, QUIZ_SIZE);
}

export interface QuizMark {
  questionId: string;
  chosen: number | null;
  answer: number;
  correct: boolean;
}

/**
 * Each question weighs the same; the score is rounded to a whole number of 100.
 * @example scoreQuiz(['q01', 'q02'], { q01: 3, q02: 1 }).score // 50 when only q01 is right
 */
export function scoreQuiz(questionIds: readonly string[], answers: Readonly<Record<string, number>>): { score: number; marks: QuizMark[] } {
  const marks = questionIds.map((id) => {
    const q = byId.get(id);
    if (!q) throw new RangeError(`quiz question ${id} does not exist`);
    const chosen = answers[id] ?? null;
    return { questionId: id, chosen, answer: q.answer, correct: chosen === q.answer };
  });
  const right = marks.filter((m) => m.correct).length;
  return { score: Math.round((right * QUIZ_FULL_SCORE) / Math.max(1, questionIds.length)), marks };
}
