// 社保例外已失效: no fresh proof by the quarter's deadline, so the lawful ground is no longer shown
// and the employee must be enrolled; the 30-day clock of 社会保险法 第五十八条 restarts on the lapse
// day. For dual employment the duty (and back-pay) really runs from the month the original employer
// stopped paying: the card asks HR for that month and says the lapse day counts until it is given.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_LAPSED_CARD = 'exception.lapsed';

export interface LapsedFacts {
  name: string;
  department: string;
  reasonLabel: string;
  lapsedOn: string;
  /** 'YYYY-MM-DD': the restarted enrolment deadline. */
  enrolmentDeadline: string;
  /** Dual employment: ask for the month the original employer stopped paying. */
  askStoppedMonth?: boolean;
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
      { label: '增员截止', value: f.askStoppedMonth ? `${f.enrolmentDeadline}（暂按失效日起算）` : f.enrolmentDeadline },
      ...(f.askStoppedMonth ? [{ label: '原单位停缴', value: '请登记停缴月份：增员及补缴自该月起算' }] : []),
      { label: '整改任务', value: '已创建增员整改任务' },
    ],
    legalBasis: f.askStoppedMonth
      ? '依据《社会保险法》第五十八条：原单位停缴之月起须在本单位参保；登记停缴月份前，暂自失效之日起算三十日。员工承诺不缴纳社保无效（法释〔2025〕12号 第十九条）'
      : '依据《社会保险法》第五十八条：自失效之日起三十日内办理增员；员工承诺不缴纳社保无效（法释〔2025〕12号 第十九条）',
    buttons: [{ kind: 'link', text: f.askStoppedMonth ? '登记停缴月份' : '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
