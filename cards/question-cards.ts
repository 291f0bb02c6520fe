// 员工社保咨询 / 投诉 for HR: what the employee asked and by when HR must answer. The answer is
// written on the H5 page the button opens; the card closes with who answered. The escalated
// variant goes to the HR managers once the answer time has passed.
import type { CardDecision, CardModel } from './card-model.ts';

export const QUESTION_ASKED_CARD = 'question.asked';
export const QUESTION_ESCALATED_CARD = 'question.escalated';

export interface QuestionCardFacts {
  /** '社保咨询' / '社保投诉'. */
  kindLabel: string;
  employeeName: string;
  department: string;
  text: string;
  /** 'YYYY-MM-DD HH:mm' in Asia/Shanghai. */
  askedAt: string;
  /** 'YYYY-MM-DD': the last day to answer. */
  dueOn: string;
}

/**
 * @example
 *   buildQuestionCard({ escalated: false, facts, key: 'qst-…-wecom', h5Url: `${base}/app/questions/${id}` })
 */
export function buildQuestionCard(o: { escalated: boolean; facts: QuestionCardFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: o.escalated ? QUESTION_ESCALATED_CARD : QUESTION_ASKED_CARD,
    key: o.key,
    title: o.escalated ? `员工${f.kindLabel}超时未答复` : `员工${f.kindLabel}`,
    subtitle: `${f.employeeName}（${f.department}）`,
    tone: o.escalated || f.kindLabel === '社保投诉' ? 'urgent' : 'normal',
    rows: [
      { label: '内容', value: f.text },
      { label: '提交时间', value: f.askedAt },
      { label: '答复期限', value: f.dueOn, ...(o.escalated && { tone: 'danger' as const }) },
    ],
    // 社会保险法 第六十条: the employer tells each employee what was paid for them; 第八十二条: anyone may
    // complain of a violation, to the authorities if the employer does not answer.
    legalBasis: '依据《社会保险法》第六十条（按月告知本人缴费明细）、第八十二条（个人有权举报、投诉）',
    buttons: [{ kind: 'link', text: '去答复', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
