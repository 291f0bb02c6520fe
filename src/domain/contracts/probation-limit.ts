// 劳动合同法 第十九条: the longest probation a contract's term allows, and the check HR's entry
// must pass. A probation beyond the limit is not a probation at all (第八十三条: it counts as
// regular employment and costs 赔偿金), so it is refused on entry rather than stored.
import { addDays } from '../dates.ts';
import { addMonths, fullMonthsOfService, serviceEndExclusive } from './service-months.ts';

export interface ContractTerm {
  /** 'YYYY-MM-DD'; null = no contract on record. */
  contractStart: string | null;
  /** Last day of the term, inclusive; null with a start = 无固定期限. */
  contractEnd: string | null;
  probationEnd: string | null;
}

/**
 * Months of probation 第十九条第一款 allows: none under three months, 1 under a year, 2 under three
 * years, 6 for three years or more and for an open-ended contract (`contractEnd` null).
 * @example probationLimitMonths('2026-01-01', '2026-12-31') // 2 (exactly one year)
 */
export function probationLimitMonths(contractStart: string, contractEnd: string | null): 0 | 1 | 2 | 6 {
  if (contractEnd === null) return 6;
  const termMonths = fullMonthsOfService(contractStart, serviceEndExclusive(contractEnd));
  if (termMonths < 3) return 0;
  if (termMonths < 12) return 1;
  if (termMonths < 36) return 2;
  return 6;
}

const LIMIT_TEXT = { 0: '合同期限不满三个月的，不得约定试用期', 1: '合同期限三个月以上不满一年的，试用期不得超过一个月', 2: '合同期限一年以上不满三年的，试用期不得超过二个月', 6: '三年以上固定期限和无固定期限的劳动合同，试用期不得超过六个月' } as const;

/** Which field is wrong and why (Chinese, with the article), or null when the term is lawful. */
export function contractTermProblem(t: ContractTerm): { field: 'contractEnd' | 'probationEnd'; message: string } | null {
  if (!t.contractStart) {
    if (t.probationEnd) return { field: 'probationEnd', message: '填写试用期截止日期时请同时填写合同开始日期：试用期上限按合同期限确定（《劳动合同法》第十九条）' };
    if (t.contractEnd) return { field: 'contractEnd', message: '填写合同结束日期时请同时填写合同开始日期' };
    return null;
  }
  if (t.contractEnd && t.contractEnd < t.contractStart) return { field: 'contractEnd', message: `合同结束日期 ${t.contractEnd} 早于合同开始日期 ${t.contractStart}` };
  if (!t.probationEnd) return null;
  if (t.probationEnd < t.contractStart) return { field: 'probationEnd', message: `试用期截止日期 ${t.probationEnd} 早于合同开始日期 ${t.contractStart}` };
  const limit = probationLimitMonths(t.contractStart, t.contractEnd);
  const latest = limit === 0 ? null : addDays(addMonths(t.contractStart, limit), -1);
  if (latest !== null && t.probationEnd <= latest) return null;
  const allowed = latest === null ? '本合同不得约定试用期，请清空试用期截止日期' : `试用期截止日期最晚为 ${latest}`;
  return { field: 'probationEnd', message: `试用期超过法定上限：《劳动合同法》第十九条规定，${LIMIT_TEXT[limit]}；${allowed}` };
}

/** In probation on `day` (第三十七条: 3 days' notice instead of 30). */
export function inProbationOn(probationEnd: string | null, day: string): boolean {
  return probationEnd !== null && probationEnd >= day;
}
