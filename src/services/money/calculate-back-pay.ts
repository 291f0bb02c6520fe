// Back-pay of a range of months for an employee (wage and insured city from the roster) or an
// ad-hoc wage and city, paid on a given day. Reads only; every refusal names the field to fix.
import type { Actor } from '../../domain/actor.ts';
import { backPay, MissingPolicyError, type BackPay } from '../../domain/money/back-pay.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadCityPolicies } from '../policies/load-city-policies.ts';
import { findMoneySubject, type EmployeeRef } from './find-money-subject.ts';

export type BackPaySubject = EmployeeRef | { city: string; wageFen: number };

export interface BackPayRequest {
  subject: BackPaySubject;
  /** 'YYYY-MM', validated by the caller's schema. */
  from: string;
  to: string;
  /** 'YYYY-MM-DD'. */
  payOn: string;
}

/** The error fields: from, to, city, employee, wage — the CLI maps them to its flags. */
const refuse = (field: string, message: string) => new AppError('validation_failed', message, { field });

/** @example await calculateBackPay(deps, { actor, subject: { city: '上海', wageFen: 500_000 }, from: '2025-05', to: '2025-05', payOn: '2025-06-11' }) */
export async function calculateBackPay(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor } & BackPayRequest): Promise<BackPay> {
  if (o.from > o.to) throw refuse('from', `开始月份 ${o.from} 晚于结束月份 ${o.to}，请调换或改正`);
  let city: string;
  let wageFen: number;
  if ('city' in o.subject) {
    authorize(o.actor, 'policy.read');
    ({ city, wageFen } = o.subject);
  } else {
    const e = await findMoneySubject(deps, o.actor, o.subject);
    if (!e.insuredCity) throw refuse('employee', `${e.name}没有登记参保城市，请先在花名册中填写`);
    if (e.monthlyWageFen === null) throw refuse('employee', `${e.name}没有登记月工资，请先在花名册中填写`);
    city = e.insuredCity;
    wageFen = e.monthlyWageFen;
  }
  const periods = await loadCityPolicies(deps.db, city);
  if (periods.length === 0) throw refuse('city', `没有「${city}」的社保政策，请先用 sentinel policy import 导入该城市的政策文件`);
  try {
    return backPay({ city, periods, wageFen, from: o.from, to: o.to, payOn: o.payOn });
  } catch (err) {
    if (!(err instanceof MissingPolicyError)) throw err;
    throw refuse(err.month === o.from ? 'from' : 'to', `${err.month} 没有${city}的社保政策，请先导入该月份的政策或调整月份范围`);
  }
}
