// Whether an exit owes economic compensation (劳动合同法 第四十六条) and how many months' wages
// 第四十七条 gives for it. The amount needs the average wage of the last 12 months (实施条例
// 第二十七条) and the local caps, which the money calculator will bring; until then HR sees the
// months and, when a monthly wage is on record, an estimate labelled as one.
import { formatYuan } from '../money.ts';
import { compensationHalfMonths, serviceEndExclusive } from './service-months.ts';

export interface CompensationCase {
  kind: string;
  proposedBy: string | null;
}

/** The article that makes compensation owed, or null when this exit owes none. */
export function compensationBasis(c: CompensationCase): string | null {
  if (c.kind === 'EMPLOYER_FAULT_RESIGNATION') return '《劳动合同法》第四十六条第（一）项（劳动者依照第三十八条解除劳动合同）';
  if (c.kind === 'MUTUAL_AGREEMENT' && c.proposedBy === 'employer') return '《劳动合同法》第四十六条第（二）项（用人单位提出，双方协商一致解除劳动合同）';
  return null;
}

/** 第九十七条第三款: 第三十八条 gave no compensation before 2008, so only service from 2008-01-01 counts. */
const COMPENSATION_LAW_START = '2008-01-01';

/**
 * Months of wages owed (halves allowed), service counted from the first day of work through the
 * exit date inclusive.
 * @example compensationMonths({ kind: 'EMPLOYER_FAULT_RESIGNATION', proposedBy: null }, '2025-03-01', '2026-02-28') // 1
 */
export function compensationMonths(c: CompensationCase, startDate: string, exitDate: string): number {
  const from = c.kind === 'EMPLOYER_FAULT_RESIGNATION' && startDate < COMPENSATION_LAW_START ? COMPENSATION_LAW_START : startDate;
  return compensationHalfMonths(from, serviceEndExclusive(exitDate)) / 2;
}

/** The checklist line: months, basis, and an estimate only when the wage is known. */
export function compensationText(basis: string, months: number, monthlyWageFen: number | null, pre2008Excluded: boolean): string {
  const estimate = monthlyWageFen === null ? '' : `；估算 ${formatYuan(Math.round(monthlyWageFen * months))}（按登记月工资 ${formatYuan(monthlyWageFen)}，实际按离职前十二个月平均工资，《劳动合同法实施条例》第二十七条）`;
  const cut = pre2008Excluded ? '（2008年1月1日前的工作年限不计，第九十七条第三款）' : '';
  return `经济补偿 ${months} 个月工资${cut}${estimate}。依据：${basis}；第四十七条：每满一年支付一个月工资，六个月以上不满一年的按一年计算，不满六个月的支付半个月工资；第五十条第二款：办结工作交接时支付`;
}
