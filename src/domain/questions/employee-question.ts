// 社保咨询 / 投诉: the kinds, states and the answer time HR promises. No statute sets the time: it is
// the company's own service level, short because an unanswered 投诉 goes to the 社保经办机构 or
// the 劳动保障监察 next (社会保险法 第八十二条 lets anyone report a violation there).
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { addDays } from '../dates.ts';
import { nthWorkdayFrom } from '../calendar/day-math.ts';

export const QUESTION_KINDS = ['QUESTION', 'COMPLAINT'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const questionKindLabels: Record<QuestionKind, string> = { QUESTION: '社保咨询', COMPLAINT: '社保投诉' };

export type QuestionState = 'OPEN' | 'ESCALATED' | 'ANSWERED';
export const questionStateLabels: Record<QuestionState, string> = { OPEN: '待答复', ESCALATED: '已超时，人事经理跟进', ANSWERED: '已答复' };

/** HR answers within this many working days after the day asked; then the HR managers are told. */
export const QUESTION_SLA_WORKDAYS = 3;

/** The last day of the SLA: the 3rd working day after `askedOn`. */
export function questionDueOn(askedOn: string, calendar: WorkCalendar): string {
  return nthWorkdayFrom(addDays(askedOn, 1), QUESTION_SLA_WORKDAYS, calendar);
}

export const QUESTION_TEXT_MAX = 500;

/**
 * What a chat text asks for: 「咨询 …」, 「投诉 …」, or a question about 社保 (「我的社保怎么没交？」).
 * Undefined for anything else, so a name typed to the bot is not taken for a question.
 */
export function parseQuestionText(text: string): { kind: QuestionKind; text: string } | undefined {
  const t = text.trim();
  const prefixed = /^(咨询|投诉)[\s:：,，]*(.*)$/su.exec(t);
  if (prefixed) return { kind: prefixed[1] === '投诉' ? 'COMPLAINT' : 'QUESTION', text: prefixed[2]!.trim() };
  if (/社保|五险|公积金|医保|养老|缴费|参保|增员/u.test(t) && /[?？]|怎么|为什么|为何|吗|多少|何时|什么时候/u.test(t)) return { kind: 'QUESTION', text: t };
  return undefined;
}
