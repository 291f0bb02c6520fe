// Late days and the late fee of one contribution month.
// - 社会保险法 第八十六条: 0.05% per day of the amount overdue, 自欠缴之日起 (from the day after the due
//   date) up to the day before payment; months from 2011-07 on use the city policy's daily rate.
// - 社会保险费征缴暂行条例 第十三条: months before 2011-07 (before the Social Insurance Law took
//   effect on 2011-07-01) were charged 0.2% per day.
// - 人社部令第13号 第二十条: the late fee is borne by the employer.
import { daysBetween } from '../calendar/day-math.ts';
import { addDays } from '../dates.ts';
import { formatYuan } from '../money.ts';
import { multiplyRounded, parseRate, ratePercent } from './exact-rate.ts';

export const SOCIAL_INSURANCE_LAW_MONTH = '2011-07';
const INTERIM_REGULATION_DAILY_RATE = '0.002';

/** Calendar days from the first overdue day (the day after `dueOn`) to the day before `payOn`; never negative. */
export function lateDays(dueOn: string, payOn: string): number {
  return Math.max(0, daysBetween(addDays(dueOn, 1), payOn));
}

export type LateFeeMethod = { method: 'daily'; dailyRate: string; on: 'total' | 'employer' } | { method: 'none'; interestNote: string };

export interface LateFee {
  lateFeeFen: number;
  /** How the fee was reached, with its article. */
  basis: string;
}

/** The fee on `amountFen` (already chosen per `on`) for `days` late days of `month`. */
export function lateFeeFor(month: string, method: LateFeeMethod, amounts: { employerFen: number; totalFen: number }, days: number): LateFee {
  if (method.method === 'none') return { lateFeeFen: 0, basis: `本地区不按日加收滞纳金：${method.interestNote}` };
  const beforeLaw = month < SOCIAL_INSURANCE_LAW_MONTH;
  const rate = beforeLaw ? INTERIM_REGULATION_DAILY_RATE : method.dailyRate;
  const amount = method.on === 'employer' ? amounts.employerFen : amounts.totalFen;
  const article = beforeLaw ? '《社会保险费征缴暂行条例》第十三条' : '《社会保险法》第八十六条';
  const fee = multiplyRounded(amount, [parseRate(rate), BigInt(days)]);
  const what = method.on === 'employer' ? '单位部分' : '应缴合计';
  return { lateFeeFen: fee, basis: `${what}${formatYuan(amount)}×${ratePercent(rate)}/日×${days}天（${article}；由单位承担，人社部令第13号 第二十条）` };
}
