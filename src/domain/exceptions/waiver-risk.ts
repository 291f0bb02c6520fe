// What an unlawful "please don't insure me" costs the employer if the employee later claims it:
// back-pay of every contribution month so far, the late fee on each month, and the economic
// compensation owed when the employee resigns for non-payment. Computed by the money calculator
// (src/domain/money/) on the insured city's policy periods; pure and exact, integer fen only.
import { backPay, MissingPolicyError } from '../money/back-pay.ts';
import { economicCompensation } from '../money/economic-compensation.ts';
import { monthRange } from '../money/months.ts';
import { periodFor, type PolicyPeriod } from '../policy/policy-period.ts';

// Moved to the contracts domain (the exit checklist counts compensation too); re-exported for callers.
export { compensationHalfMonths, fullMonthsOfService } from '../contracts/service-months.ts';

export interface WaiverRiskInput {
  /** First day of the enrolment clock: the start date (or the restarted clock), 'YYYY-MM-DD'. */
  clockStart: string;
  /** 'YYYY-MM-DD': the estimate is as at the end of this day. */
  asOf: string;
  monthlyWageFen: number;
  city: string;
  /** The insured city's policy periods (the policy library). */
  periods: readonly PolicyPeriod[];
}

export interface RiskLine {
  key: 'backpayEmployer' | 'backpayEmployee' | 'lateFee' | 'compensation';
  label: string;
  amountFen: number;
  /** How the number was reached, for people. */
  detail: string;
  legalBasis: string;
}

export interface WaiverRisk {
  months: string[];
  monthly: { month: string; baseFen: number; employerFen: number; employeeFen: number; daysOverdue: number; lateFeeFen: number }[];
  lines: RiskLine[];
  backpayFen: number;
  lateFeeFen: number;
  compensationFen: number;
  totalFen: number;
  /** Every period used was checked against the official notice (cards say so when not). */
  verified: boolean;
  /** 「政策数据未经核实：…」 when a period used is not checked against the official notice. */
  warnings: string[];
}

/** 'YYYY-MM' months from the month of `from` to the month of `to`, both included. */
export const monthsBetween = (from: string, to: string): string[] => monthRange(from.slice(0, 7), to.slice(0, 7));

const NONE: WaiverRisk = { months: [], monthly: [], lines: [], backpayFen: 0, lateFeeFen: 0, compensationFen: 0, totalFen: 0, verified: true, warnings: [] };

/**
 * The estimate, or null when a month has no policy for the city (nothing honest to show).
 * @example
 *   waiverRisk({ clockStart: '2026-06-15', asOf: '2026-11-20', monthlyWageFen: 600_000, city: '上海', periods })?.totalFen
 */
export function waiverRisk(input: WaiverRiskInput): WaiverRisk | null {
  if (input.asOf < input.clockStart) return NONE;
  const atEnd = periodFor(input.periods, input.asOf.slice(0, 7));
  if (!atEnd) return null;
  let r;
  try {
    r = backPay({ city: input.city, periods: input.periods, wageFen: input.monthlyWageFen, from: input.clockStart.slice(0, 7), to: input.asOf.slice(0, 7), payOn: input.asOf });
  } catch (err) {
    if (err instanceof MissingPolicyError) return null;
    throw err;
  }
  const c = economicCompensation({ startDate: input.clockStart, lastDay: input.asOf, wageHistoryFen: [], rosterWageFen: input.monthlyWageFen, averageMonthlyWageFen: atEnd.averageMonthlyWageFen, minimumWageFen: atEnd.minimumWageFen });
  const months = r.months.map((m) => m.month);
  const span = `${months[0]}至${months.at(-1)}共${months.length}个月`;
  const lines: RiskLine[] = [
    { key: 'backpayEmployer', label: '补缴（单位部分）', amountFen: r.totals.employerFen, detail: `${span}，按${input.city}缴费基数×单位费率`, legalBasis: '《社会保险法》第五十八条、第六十条、第六十三条' },
    { key: 'backpayEmployee', label: '补缴（个人部分）', amountFen: r.totals.employeeFen, detail: `${span}，由单位代扣代缴`, legalBasis: '《社会保险法》第六十条' },
    { key: 'lateFee', label: '滞纳金', amountFen: r.totals.lateFeeFen, detail: `每月应缴额×逾期天数×日费率（自应缴期限次日起算至${input.asOf}），由单位承担`, legalBasis: '《社会保险法》第八十六条；人社部令第13号 第二十条' },
    { key: 'compensation', label: '经济补偿', amountFen: c.compensationFen, detail: `员工以未缴社保为由解除合同时：${c.basis}`, legalBasis: '《劳动合同法》第三十八条、第四十六条、第四十七条' },
  ];
  return {
    months,
    monthly: r.months.map((m) => ({ month: m.month, baseFen: m.baseFen, employerFen: m.employerFen, employeeFen: m.employeeFen, daysOverdue: m.lateDays, lateFeeFen: m.lateFeeFen })),
    lines,
    backpayFen: r.totals.totalFen,
    lateFeeFen: r.totals.lateFeeFen,
    compensationFen: c.compensationFen,
    totalFen: r.totals.grandTotalFen + c.compensationFen,
    verified: r.verified,
    warnings: r.warnings,
  };
}
