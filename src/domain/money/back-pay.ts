// Back-pay of a range of months paid on one day: per month the base, the contributions per
// insurance and side, the due day, the late days and the late fee, each with how it was reached.
// Pure: the caller resolves the city's periods; a month without a period is refused by name.
import { periodName } from '../policy/policy-file-schema.ts';
import { periodFor, unverifiedWarning, type PolicyPeriod } from '../policy/policy-period.ts';
import { lateDays, lateFeeFor } from './late-fee.ts';
import { monthContributions, type ContributionItem } from './month-contributions.ts';
import { dueDayOf, monthRange } from './months.ts';

export interface BackPayMonth {
  month: string;
  periodId: string;
  baseFen: number;
  items: ContributionItem[];
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  dueOn: string;
  lateDays: number;
  lateFeeFen: number;
  /** How every number of the month was reached: base, rates, days, period, article. */
  explanation: string;
}

export interface BackPayTotals {
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  lateFeeFen: number;
  grandTotalFen: number;
}

export interface BackPay {
  city: string;
  /** False when any month used a period not yet checked against the official notice. */
  verified: boolean;
  months: BackPayMonth[];
  totals: BackPayTotals;
  /** 「政策数据未经核实：…」 and regional interest notes, for people. */
  warnings: string[];
}

export interface BackPayInput {
  city: string;
  periods: readonly PolicyPeriod[];
  wageFen: number;
  from: string;
  to: string;
  payOn: string;
  /** Months already paid (left out), e.g. those with a contribution record. */
  paid?: ReadonlySet<string>;
  /** Leave out months not yet due on `payOn` (an exposure counts only arrears). */
  overdueOnly?: boolean;
}

export class MissingPolicyError extends Error {
  readonly month: string;
  constructor(month: string) {
    super(`no policy period for ${month}`);
    this.month = month;
  }
}

/**
 * @example backPay({ city: '上海', periods, wageFen: 500_000, from: '2025-05', to: '2025-05', payOn: '2025-06-11' }).months[0].lateDays // 10
 */
export function backPay(input: BackPayInput): BackPay {
  const wanted = monthRange(input.from, input.to).filter((m) => !input.paid?.has(m));
  const computed = wanted.map((month): BackPayMonth => {
    const p = periodFor(input.periods, month);
    if (!p) throw new MissingPolicyError(month);
    const c = monthContributions(input.wageFen, p);
    const dueOn = dueDayOf(month, p.dueDay);
    const days = lateDays(dueOn, input.payOn);
    const fee = lateFeeFor(month, p.lateFee, c, days);
    const explanation = `${month}：${c.basis}；应缴期限${dueOn}，至${input.payOn}补缴逾期${days}天；滞纳金=${fee.basis}；依据${input.city} ${periodName(p)} 政策`;
    const { basis: _basis, ...amounts } = c;
    return { month, periodId: p.id, ...amounts, dueOn, lateDays: days, lateFeeFen: fee.lateFeeFen, explanation };
  });
  const months = input.overdueOnly ? computed.filter((m) => m.dueOn < input.payOn) : computed;
  const sum = (f: (m: BackPayMonth) => number) => months.reduce((s, m) => s + f(m), 0);
  const totals = { employerFen: sum((m) => m.employerFen), employeeFen: sum((m) => m.employeeFen), totalFen: sum((m) => m.totalFen), lateFeeFen: sum((m) => m.lateFeeFen) };
  const periods = input.periods.filter((p) => months.some((m) => m.periodId === p.id));
  const warning = unverifiedWarning(input.city, periods);
  const interest = periods.flatMap((p) => (p.lateFee.method === 'none' ? [`本地区不按日加收滞纳金，另计利息：${p.lateFee.interestNote}`] : []));
  return {
    city: input.city,
    verified: periods.every((p) => p.verified),
    months,
    totals: { ...totals, grandTotalFen: totals.totalFen + totals.lateFeeFen },
    warnings: [...(warning ? [warning] : []), ...interest],
  };
}
