// What one employee's missing contributions could cost the employer as of a day: the unpaid
// months since the first day of work (no contribution record), their late fees, the fines of
// 社会保险法 第八十四条/第八十六条, and the compensation of 劳动合同法 第四十六条/第四十七条 if the
// employee resigned under 第三十八条 that day.
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { backPay, MissingPolicyError, type BackPay } from '../../domain/money/back-pay.ts';
import { economicCompensation } from '../../domain/money/economic-compensation.ts';
import { exposure, type Exposure } from '../../domain/money/exposure.ts';
import { periodFor } from '../../domain/policy/policy-period.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadCityPolicies } from '../policies/load-city-policies.ts';
import { findMoneySubject, type EmployeeRef } from './find-money-subject.ts';

export interface EmployeeExposure extends Exposure {
  employee: { employeeNo: string; name: string; city: string };
  asOf: string;
  /** The unpaid months with their late fees as of `asOf`. */
  arrears: BackPay;
}

const refuse = (field: string, message: string) => new AppError('validation_failed', message, { field });

/** @example await estimateExposure(deps, { actor, employee: { employeeNo: 'E0001' }, asOf: '2026-12-07' }) */
export async function estimateExposure(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; employee: EmployeeRef; asOf: string }): Promise<EmployeeExposure> {
  const e = await findMoneySubject(deps, o.actor, o.employee);
  if (!e.insuredCity) throw refuse('employee', `${e.name}没有登记参保城市，请先在花名册中填写`);
  if (e.monthlyWageFen === null) throw refuse('employee', `${e.name}没有登记月工资，请先在花名册中填写`);
  const startDate = formatDay(e.startDate) as string;
  if (o.asOf < startDate) throw refuse('asOf', `测算日 ${o.asOf} 早于入职日期 ${startDate}，请改正`);
  const exit = formatDay(e.exitDate);
  const lastDay = exit !== null && exit < o.asOf ? exit : o.asOf;
  const periods = await loadCityPolicies(deps.db, e.insuredCity);
  if (periods.length === 0) throw refuse('employee', `没有「${e.insuredCity}」的社保政策，请先用 sentinel policy import 导入该城市的政策文件`);
  const records = await deps.db.contributionRecord.findMany({ where: { employeeId: e.id }, select: { month: true }, distinct: ['month'] });
  let arrears: BackPay;
  try {
    arrears = backPay({ city: e.insuredCity, periods, wageFen: e.monthlyWageFen, from: startDate.slice(0, 7), to: lastDay.slice(0, 7), payOn: o.asOf, paid: new Set(records.map((r) => r.month)), overdueOnly: true });
  } catch (err) {
    if (!(err instanceof MissingPolicyError)) throw err;
    throw refuse('employee', `${err.month} 没有${e.insuredCity}的社保政策，请先导入该月份的政策`);
  }
  const atEnd = periodFor(periods, lastDay.slice(0, 7));
  // With every month paid there is no 第三十八条 ground for compensation.
  const compensation = atEnd && arrears.months.length > 0
    ? economicCompensation({ startDate, lastDay, wageHistoryFen: [], rosterWageFen: e.monthlyWageFen, averageMonthlyWageFen: atEnd.averageMonthlyWageFen, minimumWageFen: atEnd.minimumWageFen })
    : null;
  return {
    employee: { employeeNo: e.employeeNo, name: e.name, city: e.insuredCity },
    asOf: o.asOf,
    arrears,
    ...exposure({ arrears, registered: e.enrolledOn !== null, compensation }),
  };
}
