// 社保例外已失效: no fresh proof by the quarter's deadline, so the lawful ground is no longer shown
// and the employee must be enrolled; the 30-day clock of 社会保险法 第五十八条 restarts on the lapse day.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_LAPSED_CARD = 'exception.lapsed';

export interface LapsedFacts {
  name: string;
  department: string;
  reasonLabel: string;
  lapsedOn: string;
  /** 'YYYY-MM-DD': the restarted enrolment deadline. */
  enrolmentDeadline: string;
}

/**
 * @example
 *   buildExceptionLapsedCard({ key: 'exl-…-wecom', facts, h5Url: `${publicBaseUrl}/app/exceptions/${id}` })
 */
export function buildExceptionLapsedCard(opts: { key: string; facts: LapsedFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  return {
    type: EXCEPTION_LAPSED_CARD,
    key: opts.key,
    title: '社保例外已失效',
    subtitle: `${f.name} 未按期提供最新证明，须恢复办理社保增员`,
    tone: 'urgent',
    rows: [
      { label: '员工', value: `${f.name}（${f.department}）` },
      { label: '原因', value: f.reasonLabel },
      { label: '失效日期', value: f.lapsedOn },
      { label: '增员截止', value: f.enrolmentDeadline },
      { label: '整改任务', value: '已创建增员整改任务' },
    ],
    legalBasis: '依据《社会保险法》第五十八条：自失效之日起三十日内办理增员；员工承诺不缴纳社保无效（法释〔2025〕12号 第十九条）',
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
