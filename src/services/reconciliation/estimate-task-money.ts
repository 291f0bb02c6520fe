// The money of the reconciliation tasks that cost money, from the calculator and the city policy
// library, as if paid on the run day: 在职未参保 owes the whole month (社会保险法 第五十八条、第八十六条),
// 基数过低 owes the difference per insurance between the base it should have had (the wage clamped
// to the floor and ceiling) and what was paid (第六十条、第八十六条). Without a policy for the
// city and month the task says so instead of guessing.
import type { Db } from '../../db/client.ts';
import { preparedQuery } from '../../db/prepared-query.ts';
import { backPay, MissingPolicyError, type BackPayMonth } from '../../domain/money/back-pay.ts';
import { lateFeeFor } from '../../domain/money/late-fee.ts';
import type { InsuranceKind } from '../../domain/policy/insurance-kinds.ts';
import { periodFor, type PolicyPeriod } from '../../domain/policy/policy-period.ts';
import type { InsuranceType } from '../../generated/prisma/enums.ts';
import { loadCityPolicies } from '../policies/load-city-policies.ts';
import type { Mismatch } from './reconciliation-kinds.ts';

/** Stored in the task's details as `money`; amounts in fen. */
export type TaskMoney =
  | { estimated: true; city: string; payOn: string; employerFen: number; employeeFen: number; totalFen: number; lateFeeFen: number; grandTotalFen: number; verified: boolean; warnings: string[]; basis: string }
  | { estimated: false; note: string };

const KIND_OF: Record<InsuranceType, InsuranceKind> = { PENSION: 'pension', MEDICAL: 'medical', UNEMPLOYMENT: 'unemployment', INJURY: 'workInjury', MATERNITY: 'maternity' };

type Subject = { id: string; insuredCity: string | null; monthlyWageFen: number | null };
type Paid = Map<InsuranceKind, { employerFen: number; employeeFen: number }>;

// `= ANY` reads: a month's mismatches run to tens of thousands of employees at 1M, one parameter
// each through Prisma's `in`.
const PEOPLE_SQL = `SELECT id::text AS id, "insuredCity", "monthlyWageFen" FROM "Employee" WHERE id = ANY($1::uuid[])`;
const PAID_SQL = `SELECT "employeeId"::text AS "employeeId", "insuranceType"::text AS "insuranceType", "employerFen", "employeeFen"
  FROM "ContributionRecord" WHERE "employeeId" = ANY($1::uuid[]) AND month = $2`;

/** What each employee paid for the month, by insurance: grouped once (not searched per task). */
async function loadPaid(db: Db, ids: readonly string[], month: string): Promise<Map<string, Paid>> {
  const rows = await preparedQuery<{ employeeId: string; insuranceType: InsuranceType; employerFen: number; employeeFen: number }>(db, 'task-money-paid', PAID_SQL, [ids, month]);
  const paidOf = new Map<string, Paid>();
  for (const r of rows) {
    let paid = paidOf.get(r.employeeId);
    if (!paid) paidOf.set(r.employeeId, (paid = new Map()));
    paid.set(KIND_OF[r.insuranceType], { employerFen: r.employerFen, employeeFen: r.employeeFen });
  }
  return paidOf;
}

const none = (note: string): TaskMoney => ({ estimated: false, note });

function owed(city: string, periods: PolicyPeriod[], wageFen: number, month: string, payOn: string): { m: BackPayMonth; verified: boolean; warnings: string[] } | TaskMoney {
  try {
    const bp = backPay({ city, periods, wageFen, from: month, to: month, payOn });
    return { m: bp.months[0] as BackPayMonth, verified: bp.verified, warnings: bp.warnings };
  } catch (err) {
    if (!(err instanceof MissingPolicyError)) throw err;
    return none(`没有「${city}」${month} 的社保政策，无法估算金额；请先导入该城市的政策文件`);
  }
}

function notInsuredMoney(city: string, periods: PolicyPeriod[], wageFen: number, month: string, payOn: string): TaskMoney {
  const o = owed(city, periods, wageFen, month, payOn);
  if ('estimated' in o) return o;
  const { m } = o;
  return {
    estimated: true, city, payOn, employerFen: m.employerFen, employeeFen: m.employeeFen, totalFen: m.totalFen, lateFeeFen: m.lateFeeFen,
    grandTotalFen: m.totalFen + m.lateFeeFen, verified: o.verified, warnings: o.warnings, basis: `按 ${payOn} 补缴全月测算：${m.explanation}`,
  };
}

function shortfallMoney(city: string, periods: PolicyPeriod[], wageFen: number, month: string, payOn: string, paid: Paid): TaskMoney {
  const o = owed(city, periods, wageFen, month, payOn);
  if ('estimated' in o) return o;
  const { m } = o;
  const items = m.items.filter((i) => paid.has(i.type));
  const employerFen = items.reduce((s, i) => s + Math.max(0, i.employerFen - (paid.get(i.type)?.employerFen ?? 0)), 0);
  const employeeFen = items.reduce((s, i) => s + Math.max(0, i.employeeFen - (paid.get(i.type)?.employeeFen ?? 0)), 0);
  const p = periodFor(periods, month) as PolicyPeriod;
  const fee = lateFeeFor(month, p.lateFee, { employerFen, totalFen: employerFen + employeeFen }, m.lateDays);
  return {
    estimated: true, city, payOn, employerFen, employeeFen, totalFen: employerFen + employeeFen, lateFeeFen: fee.lateFeeFen,
    grandTotalFen: employerFen + employeeFen + fee.lateFeeFen, verified: o.verified, warnings: o.warnings,
    basis: `应缴（${m.explanation.split('；')[0]}）减已缴，按已缴险种逐项计算，按 ${payOn} 补缴差额；滞纳金=${fee.basis}`,
  };
}

/** The mismatches with `details.money` added to 在职未参保 and 基数过低; the others unchanged. */
export async function estimateTaskMoney(db: Db, mismatches: Mismatch[], o: { month: string; payOn: string }): Promise<Mismatch[]> {
  const wanted = mismatches.filter((m) => m.kind === 'active_not_insured' || m.kind === 'base_below_floor');
  if (wanted.length === 0) return mismatches;
  const ids = wanted.map((m) => m.employeeId);
  const people = new Map((await preparedQuery<Subject>(db, 'task-money-people', PEOPLE_SQL, [ids])).map((e) => [e.id, e]));
  const paidOf = await loadPaid(db, ids, o.month);
  const policies = new Map<string, PolicyPeriod[]>();
  const periodsOf = async (city: string) => policies.get(city) ?? policies.set(city, await loadCityPolicies(db, city)).get(city) as PolicyPeriod[];
  const out: Mismatch[] = [];
  for (const m of mismatches) {
    const e = people.get(m.employeeId);
    if (!e || (m.kind !== 'active_not_insured' && m.kind !== 'base_below_floor')) {
      out.push(m);
      continue;
    }
    const city = (m.details.city as string | undefined) ?? e.insuredCity;
    const periods = city ? await periodsOf(city) : [];
    let money: TaskMoney;
    if (!city) money = none('没有登记参保城市，无法估算金额；请先在花名册中填写');
    else if (periods.length === 0) money = none(`没有「${city}」的社保政策，无法估算金额；请先导入该城市的政策文件`);
    else if (m.kind === 'active_not_insured') {
      money = e.monthlyWageFen === null ? none('没有登记月工资，无法估算金额；请先在花名册中填写') : notInsuredMoney(city, periods, e.monthlyWageFen, o.month, o.payOn);
    } else {
      // Without a recorded wage the base it should have had is at least the floor (a wage of 0 clamps to it).
      money = shortfallMoney(city, periods, e.monthlyWageFen ?? 0, o.month, o.payOn, paidOf.get(e.id) ?? new Map());
    }
    out.push({ ...m, details: { ...m.details, money } });
  }
  return out;
}
