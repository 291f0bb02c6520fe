// 员工即将达到法定退休年龄: sent to HR a month before the day (渐进式延迟法定退休年龄), so the pension
// application and the end of the labour contract (《劳动合同法实施条例》第二十一条) are prepared in time.
import type { CardDecision, CardModel } from './card-model.ts';

export const RETIREMENT_DUE_CARD = 'employee.retirement_due';

export interface RetirementDueFacts {
  name: string;
  department: string;
  /** '女职工（原50岁）' */
  category: string;
  /** '50岁9个月' */
  age: string;
  /** 'YYYY-MM-DD': the day the age is reached. */
  reachedOn: string;
}

/**
 * @example
 *   buildRetirementDueCard({ facts, key: 'ret-…-202702-wecom', h5Url })
 */
export function buildRetirementDueCard(o: { facts: RetirementDueFacts; key: string; h5Url: string; decided?: CardDecision }): CardModel {
  const f = o.facts;
  return {
    type: RETIREMENT_DUE_CARD,
    key: o.key,
    title: '员工即将达到法定退休年龄',
    subtitle: `${f.name}将于 ${f.reachedOn} 达到法定退休年龄 ${f.age}`,
    rows: [
      { label: '员工', value: f.name },
      { label: '部门', value: f.department },
      { label: '退休类别', value: f.category },
      { label: '退休年龄', value: f.age },
      { label: '到龄日期', value: f.reachedOn },
      { label: '待办', value: '核对缴费年限，协助办理退休申请' },
    ],
    legalBasis: '依据《国务院关于渐进式提高职工法定退休年龄的办法》第一条；《劳动合同法实施条例》第二十一条',
    buttons: [{ kind: 'link', text: '离职管理', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
