// 员工申请不缴纳社保: HR is told plainly that the request protects nobody (法释〔2025〕12号 第十九条)
// and what it may cost: back-pay, late fees and the compensation owed on resignation.
import type { CardDecision, CardModel } from './card-model.ts';

export const EXCEPTION_WAIVER_WARNING_CARD = 'exception.waiver_warning';

export interface WaiverWarningFacts {
  name: string;
  department: string;
  reasonLabel: string;
  /**
   * Formatted amounts ('¥1,234.56'); undefined when the wage is unknown. `unverified`: a policy
   * period used is not checked against the official notice, so the total says 政策数据未经核实.
   */
  risk?: { backpay: string; months: number; lateFee: string; compensation: string; total: string; unverified?: boolean };
  /** 'YYYY-MM-DD': due date of the enrolment remediation task. */
  taskDueOn: string;
}

/**
 * @example
 *   buildWaiverWarningCard({ key: 'exw-…-wecom', facts, h5Url: `${publicBaseUrl}/app/exceptions/${id}` })
 */
export function buildWaiverWarningCard(opts: { key: string; facts: WaiverWarningFacts; h5Url: string; decided?: CardDecision }): CardModel {
  const f = opts.facts;
  const money = f.risk
    ? [
        { label: '补缴', value: `${f.risk.backpay}（${f.risk.months}个月）` },
        { label: '滞纳金', value: f.risk.lateFee },
        { label: '经济补偿', value: f.risk.compensation },
        // WeCom shows six rows and these are six: the caveat rides on the total.
        { label: '合计', value: f.risk.unverified ? `${f.risk.total}（政策数据未经核实）` : f.risk.total },
      ]
    : [{ label: '风险金额', value: '月工资未登记，无法估算' }];
  return {
    type: EXCEPTION_WAIVER_WARNING_CARD,
    key: opts.key,
    title: '员工申请不缴纳社保',
    subtitle: '该约定或承诺无效（法释〔2025〕12号 第十九条），公司仍须依法缴纳',
    tone: 'urgent',
    rows: [{ label: '员工', value: `${f.name}（${f.department}）` }, { label: '原因', value: f.reasonLabel }, ...money],
    legalBasis: `已创建增员整改任务，截止 ${f.taskDueOn}。补缴依据《社会保险法》第五十八条，滞纳金日万分之五依据第八十六条，经济补偿依据《劳动合同法》第三十八条、第四十六条、第四十七条`,
    buttons: [{ kind: 'link', text: '详情', url: opts.h5Url }],
    url: opts.h5Url,
    ...(opts.decided && { decided: opts.decided }),
  };
}
