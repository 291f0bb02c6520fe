// What an unlawful "please don't insure me" costs the employer if the employee later claims it:
// back-pay of every contribution month so far, the late fee on each month, and the economic
// compensation owed when the employee resigns for non-payment. Pure and exact: integer fen only.
// A first version; the policy library (later issue) brings per-city rates and late-fee methods.
import { addDays } from '../dates.ts';
import { daysBetween } from '../calendar/day-math.ts';
import { compensationHalfMonths } from '../contracts/service-months.ts';
import { applyBp, NATIONAL_DEFAULT_RATES, type ContributionRate } from './contribution-rates.ts';

// Moved to the contracts domain (the exit checklist counts compensation too); re-exported for callers.
export { compensationHalfMonths, fullMonthsOfService } from '../contracts/service-months.ts';

export interface BasePolicy {
  /** 'YYYY-MM-DD'; the policy covers months whose first day lies in [from, to]. */
  from: string;
  to: string | null;
  floorFen: number;
  ceilingFen: number;
}

export interface WaiverRiskInput {
  /** First day of the enrolment clock: the start date (or the restarted clock), 'YYYY-MM-DD'. */
  clockStart: string;
  /** 'YYYY-MM-DD': the estimate is as at the end of this day. */
  asOf: string;
  monthlyWageFen: number;
  /** The insured city's base floor/ceiling (CityPolicy); without one the wage is the base. */
  policies?: readonly BasePolicy[];
  rates?: readonly ContributionRate[];
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
}

/** 0.05 % per day (社会保险法 第八十六条) = 5 / 10 000. */
const LATE_FEE_PER_DAY_BP = 5;

/** 'YYYY-MM' months from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let month = from.slice(0, 7); month <= end; ) {
    out.push(month);
    m++;
    if (m > 12) { m = 1; y++; }
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

function firstDayAfter(month: string): string {
  return addDays(`${month}-01`, 32).slice(0, 7) + '-01';
}

function baseFor(month: string, wageFen: number, policies: readonly BasePolicy[]): number {
  const day = `${month}-01`;
  const p = policies.find((x) => x.from <= day && (x.to === null || x.to >= day));
  return p ? Math.min(Math.max(wageFen, p.floorFen), p.ceilingFen) : wageFen;
}

/**
 * @example
 *   waiverRisk({ clockStart: '2026-06-15', asOf: '2026-11-20', monthlyWageFen: 600_000 }).totalFen // 1_572_445
 */
export function waiverRisk(input: WaiverRiskInput): WaiverRisk {
  const rates = input.rates ?? NATIONAL_DEFAULT_RATES;
  const months = input.asOf < input.clockStart ? [] : monthsBetween(input.clockStart, input.asOf);
  const monthly = months.map((month) => {
    const baseFen = baseFor(month, input.monthlyWageFen, input.policies ?? []);
    const employerFen = rates.reduce((s, r) => s + applyBp(baseFen, r.employerBp), 0);
    const employeeFen = rates.reduce((s, r) => s + applyBp(baseFen, r.employeeBp), 0);
    const daysOverdue = Math.max(0, daysBetween(firstDayAfter(month), input.asOf));
    const lateFeeFen = Math.floor(((employerFen + employeeFen) * daysOverdue * LATE_FEE_PER_DAY_BP + 5000) / 10_000);
    return { month, baseFen, employerFen, employeeFen, daysOverdue, lateFeeFen };
  });
  const sum = (f: (m: (typeof monthly)[number]) => number) => monthly.reduce((s, m) => s + f(m), 0);
  const employer = sum((m) => m.employerFen);
  const employee = sum((m) => m.employeeFen);
  const lateFeeFen = sum((m) => m.lateFeeFen);
  const halves = compensationHalfMonths(input.clockStart, input.asOf);
  const compensationFen = Math.floor((input.monthlyWageFen * halves + 1) / 2);
  const span = months.length > 0 ? `${months[0]}至${months.at(-1)}共${months.length}个月` : '尚无缴费月份';
  const lines: RiskLine[] = [
    { key: 'backpayEmployer', label: '补缴（单位部分）', amountFen: employer, detail: `${span}，按缴费基数×单位费率`, legalBasis: '《社会保险法》第五十八条、第六十条、第六十三条' },
    { key: 'backpayEmployee', label: '补缴（个人部分）', amountFen: employee, detail: `${span}，由单位代扣代缴`, legalBasis: '《社会保险法》第六十条' },
    { key: 'lateFee', label: '滞纳金', amountFen: lateFeeFen, detail: `每月应缴额×逾期天数×0.05%（自次月1日起算至${input.asOf}），由单位承担`, legalBasis: '《社会保险法》第八十六条；人社部令第13号 第二十条' },
    { key: 'compensation', label: '经济补偿', amountFen: compensationFen, detail: `员工以未缴社保为由解除合同时，按工作年限计${halves / 2}个月工资`, legalBasis: '《劳动合同法》第三十八条、第四十六条、第四十七条' },
  ];
  const backpayFen = employer + employee;
  return { months, monthly, lines, backpayFen, lateFeeFen, compensationFen, totalFen: backpayFen + lateFeeFen + compensationFen };
}
