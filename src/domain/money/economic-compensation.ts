// Economic compensation when the employee resigns under 劳动合同法 第三十八条 (e.g. no social
// insurance paid): 第四十六条 makes it owed, 第四十七条 sizes it — one month's wage per full year,
// a remainder of six months or more counts as a year, under six months as half a month; a wage
// above 3× the city's average monthly wage is capped at 3× and the years at 12. Service runs from
// the first day of work through the last day, inclusive; for this ground only service from
// 2008-01-01 counts (第九十七条第三款). The wage is the average of the 12 months before the end
// (实施条例 第二十七条), never below the local minimum wage.
import { formatYuan } from '../money.ts';
import { compensationHalfMonths, serviceEndExclusive } from '../contracts/service-months.ts';

export const LABOUR_CONTRACT_LAW_START = '2008-01-01';

export interface CompensationInput {
  /** First day of work, 'YYYY-MM-DD'. */
  startDate: string;
  /** Last day of employment (a day worked), 'YYYY-MM-DD'. */
  lastDay: string;
  /** Wages of up to the 12 months before the end; empty = use `rosterWageFen`. */
  wageHistoryFen: readonly number[];
  rosterWageFen: number;
  averageMonthlyWageFen: number;
  minimumWageFen: number;
}

export interface Compensation {
  compensationFen: number;
  /** Months of wage owed, in halves (3 = 1.5 months). */
  halfMonths: number;
  wageFen: number;
  basis: string;
}

/** Average of the history, half up to the fen (exact: sum × 1 / n). */
function averageWage(history: readonly number[]): number {
  const sum = history.reduce((s, w) => s + w, 0);
  return Number((2n * BigInt(sum) + BigInt(history.length)) / (2n * BigInt(history.length)));
}

/**
 * @example economicCompensation({ startDate: '2025-03-01', lastDay: '2025-08-31', wageHistoryFen: [], rosterWageFen: 800_000, averageMonthlyWageFen: 1_243_400, minimumWageFen: 274_000 }).compensationFen // 800_000
 */
export function economicCompensation(input: CompensationInput): Compensation {
  const countFrom = input.startDate < LABOUR_CONTRACT_LAW_START ? LABOUR_CONTRACT_LAW_START : input.startDate;
  const rawHalves = compensationHalfMonths(countFrom, serviceEndExclusive(input.lastDay));
  const notes: string[] = [`工作年限自${countFrom}起算至${input.lastDay}（含当日）`];
  if (countFrom !== input.startDate) notes.push('2008年1月1日前的工作年限不计（《劳动合同法》第九十七条第三款）');
  let wageFen = input.wageHistoryFen.length > 0 ? averageWage(input.wageHistoryFen) : input.rosterWageFen;
  notes.push(input.wageHistoryFen.length > 0 ? `前${input.wageHistoryFen.length}个月平均工资${formatYuan(wageFen)}（实施条例第二十七条）` : `无工资记录，按花名册月工资${formatYuan(wageFen)}`);
  if (wageFen < input.minimumWageFen) {
    wageFen = input.minimumWageFen;
    notes.push(`低于当地最低工资，按${formatYuan(wageFen)}`);
  }
  let halfMonths = rawHalves;
  const cap = input.averageMonthlyWageFen * 3;
  if (wageFen > cap) {
    wageFen = cap;
    halfMonths = Math.min(rawHalves, 24);
    notes.push(`高于当地职工月平均工资三倍，按${formatYuan(cap)}且年限最多12年（第四十七条第二款）`);
  }
  // wage × halves is an exact integer; halving it can leave half a fen, which rounds up.
  const compensationFen = Math.floor((wageFen * halfMonths + 1) / 2);
  notes.push(`计${halfMonths / 2}个月工资（满一年一个月，六个月以上按一年，不满六个月按半个月，第四十七条）`);
  return { compensationFen, halfMonths, wageFen, basis: notes.join('；') };
}
