// 请更新社保例外证明: each quarter an approved exception needs a fresh contribution record or
// pension statement, because the lawful ground (劳动争议司法解释（一）第三十二条) can end any time.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_REVERIFY_CARD = 'exception.reverify';

export interface ReverifyFacts {
  proofLabel: string;
  /** 'YYYY-MM': the document must cover this month or later. */
  coversMonth: string;
  /** 'YYYY-MM-DD': after this day without a fresh proof the exception lapses. */
  deadline: string;
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
    subtitle: '请上传最新的缴费记录/养老金领取证明',
    tone: 'normal',
    rows: [
      { label: '证明材料', value: f.proofLabel },
      { label: '覆盖月份', value: `${f.coversMonth} 或之后` },
      { label: '截止日期', value: f.deadline },
      { label: '逾期后果', value: '例外终止，公司须为您办理社保增员' },
    ],
    legalBasis: '依据《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》第三十二条：仅在原单位仍缴纳或已领取养老金期间可不在本单位参保',
    buttons: [{ kind: 'link', text: '上传证明', url: opts.uploadUrl }],
    url: opts.uploadUrl,
    ...(opts.decided && { decided: opts.decided }),
  };
}
