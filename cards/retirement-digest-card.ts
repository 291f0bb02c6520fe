// 员工即将达到法定退休年龄 as one digest: when a run finds more people reaching the statutory
// retirement age within the month than a chat can sensibly carry (the first run on a large roster,
// a large group's month), HR gets one card per platform with how many and who, earliest first;
// each is prepared from the exits list in the H5. Fewer keep their own cards (retirement-due-card.ts).
import type { CardDecision, CardModel } from './card-model.ts';
import { firstNames } from './reminder-digest-card.ts';

export const RETIREMENT_DIGEST_CARD = 'employee.retirement_digest';

export interface RetirementDigestInput {
  key: string;
  /** 'YYYY-MM-DD' of the run. */
  asOf: string;
  /** Each person with the day they reach the age, earliest first. */
  people: readonly { name: string; reachedOn: string }[];
  h5Url: string;
  /** Not used by the job; accepted so every card type can show a decision uniformly. */
  decided?: CardDecision;
}

/**
 * @example
 *   buildRetirementDigestCard({ key: 'rd-…-wecom', asOf: '2027-07-16', people: [{ name: '张三', reachedOn: '2027-08-05' }], h5Url })
 */
export function buildRetirementDigestCard(o: RetirementDigestInput): CardModel {
  const first = o.people[0];
  const last = o.people[o.people.length - 1];
  return {
    type: RETIREMENT_DIGEST_CARD,
    key: o.key,
    title: '员工即将达到法定退休年龄',
    subtitle: `${o.asOf}：${o.people.length} 名员工将在一个月内达到法定退休年龄，请在离职管理中逐一准备`,
    rows: [
      { label: '人员', value: `${o.people.length}人：${firstNames(o.people.map((p) => p.name))}` },
      ...(first && last ? [{ label: '到龄日期', value: first.reachedOn === last.reachedOn ? first.reachedOn : `${first.reachedOn} 至 ${last.reachedOn}` }] : []),
      { label: '待办', value: '核对缴费年限，协助办理退休申请；劳动合同到龄终止' },
    ],
    legalBasis: '依据《国务院关于渐进式提高职工法定退休年龄的办法》第一条；《劳动合同法实施条例》第二十一条',
    buttons: [{ kind: 'link', text: '离职管理', url: o.h5Url }],
    url: o.h5Url,
    ...(o.decided && { decided: o.decided }),
  };
}
