// 请更新社保例外证明: each quarter an approved exception needs a fresh proof (the other employer's
// contribution record, the pension statement, the student status, …), because the lawful ground
// can end any time; the quote line is the category's own legal basis.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_REVERIFY_CARD = 'exception.reverify';

export interface ReverifyFacts {
  proofLabel: string;
  /** 'YYYY-MM': the document must cover this month or later. */
  coversMonth: string;
  /** 'YYYY-MM-DD': after this day without a fresh proof the exception lapses. */
  deadline: string;
  /** The category's legal basis (lawful-categories.ts cardNote). */
  legalNote: string;
}

/**
 * @example
 *   buildExceptionReverifyCard({ key: 'exv-…-2027Q1-wecom', facts, uploadUrl: `${publicBaseUrl}/app/proofs/upload?exceptionId=…&kind=…` })
 */
export function buildExceptionReverifyCard(opts: { key: string; facts: ReverifyFacts; uploadUrl: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  return {
    type: EXCEPTION_REVERIFY_CARD,
    key: opts.key,
    title: '请更新社保例外证明',
    subtitle: `请在 ${f.deadline} 前上传最新的「${f.proofLabel}」`,
    tone: 'normal',
    rows: [
      { label: '证明材料', value: f.proofLabel },
      { label: '覆盖月份', value: `${f.coversMonth} 或之后` },
      { label: '截止日期', value: f.deadline },
      { label: '逾期后果', value: '例外终止，公司须为您办理社保增员' },
    ],
    legalBasis: f.legalNote,
    buttons: [{ kind: 'link', text: '上传证明', url: opts.uploadUrl }],
    url: opts.uploadUrl,
    ...(opts.decided && { decided: opts.decided }),
  };
}
