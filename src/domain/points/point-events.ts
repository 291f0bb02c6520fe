// The events that earn or cost points, each with the subject its award rests on (PointAward's
// UNIQUE (rule, subjectType, subjectId, employeeId) makes each event count once) and the reason the
// employee reads in 我的积分.
import type { PointRules } from './point-rules.ts';

export const POINT_RULES = ['onTimeProof', 'transferCooperation', 'falseProof', 'quizPass'] as const;
export type PointRule = (typeof POINT_RULES)[number];

export const pointRuleLabels: Record<PointRule, string> = {
  onTimeProof: '按时上传证明',
  transferCooperation: '配合转移接续',
  falseProof: '证明材料不实',
  quizPass: '社保知识问答通过',
};

/**
 * What each award rests on:
 * - onTimeProof: the re-verification request (alert 'exception.reverify') answered by its deadline
 *   with a proof for the exception — one award per request however many files are uploaded;
 * - transferCooperation: the pension transfer case whose step 2 (新参保地出具联系函) was recorded —
 *   the new agency only issues it on the employee's application with the old 参保缴费凭证
 *   (国办发〔2009〕66号 第八条第（一）（二）项), so reaching it is the employee's cooperation;
 * - falseProof: the proof HR found false;
 * - quizPass: the calendar year (Asia/Shanghai) of the first passed quiz.
 */
export const POINT_SUBJECTS: Record<PointRule, string> = {
  onTimeProof: 'reverify_request',
  transferCooperation: 'pension_transfer',
  falseProof: 'proof',
  quizPass: 'quiz_year',
};

/** The signed points an event is worth under the company's rules (a false proof is negative). */
export function pointsFor(rule: PointRule, rules: PointRules): number {
  return rule === 'falseProof' ? -rules.falseProof : rules[rule];
}
