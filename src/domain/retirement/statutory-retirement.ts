// The statutory retirement age after 渐进式延迟法定退休年龄: 《全国人民代表大会常务委员会关于实施渐进式延迟
// 法定退休年龄的决定》(2024-09-13, in force 2025-01-01) and its annex 《国务院关于渐进式提高职工法定退休年龄的
// 办法》第一条: from 2025-01-01 the age of men and of women originally retiring at 55 rises by one month
// per four months of birth, up to 63 and 58; the age of women originally retiring at 50 rises by one
// month per two months of birth, up to 55. The first to be delayed are those originally due in
// 2025-01 (men born 1965-01, women cadres born 1970-01, women workers born 1975-01); each gets one
// month at once, as the annex's 对照表 show (man born 1965-01 → 60岁1个月, retiring 2025-02).
import { addMonthsToDay, monthIndex, monthOfIndex } from './month-math.ts';

/** 男; 女职工（原50岁）; 女干部（原55岁）. */
export const RETIREMENT_CATEGORIES = ['male', 'female_worker', 'female_cadre'] as const;
export type RetirementCategory = (typeof RETIREMENT_CATEGORIES)[number];

interface Rule {
  /** The age before the reform, in years. */
  originalYears: number;
  /** The first birth month whose retirement is delayed ('YYYY-MM'). */
  firstDelayed: string;
  /** Months of birth per month of delay. */
  step: number;
  /** The most the age rises, in months. */
  maxDelay: number;
}

export const retirementRules: Record<RetirementCategory, Rule> = {
  male: { originalYears: 60, firstDelayed: '1965-01', step: 4, maxDelay: 36 },
  female_cadre: { originalYears: 55, firstDelayed: '1970-01', step: 4, maxDelay: 36 },
  female_worker: { originalYears: 50, firstDelayed: '1975-01', step: 2, maxDelay: 60 },
};

export const retirementCategoryLabels: Record<RetirementCategory, string> = {
  male: '男',
  female_worker: '女职工（原50岁）',
  female_cadre: '女干部（原55岁）',
};

export const RETIREMENT_LEGAL_BASIS = '《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》及《国务院关于渐进式提高职工法定退休年龄的办法》第一条';

export interface StatutoryRetirement {
  years: number;
  months: number;
  /** The month the age is reached, 'YYYY-MM' (the 对照表's 改革后法定退休时间). */
  month: string;
}

/**
 * @example
 *   statutoryRetirement('1966-03', 'male');          // → { years: 60, months: 4, month: '2026-07' }
 *   statutoryRetirement('1976-05', 'female_worker'); // → { years: 50, months: 9, month: '2027-02' }
 *   statutoryRetirement('1971-01', 'female_cadre');  // → { years: 55, months: 4, month: '2026-05' }
 */
export function statutoryRetirement(birthMonth: string, category: RetirementCategory): StatutoryRetirement {
  const rule = retirementRules[category];
  const since = monthIndex(birthMonth) - monthIndex(rule.firstDelayed);
  const delay = since < 0 ? 0 : Math.min(Math.floor(since / rule.step) + 1, rule.maxDelay);
  const totalMonths = rule.originalYears * 12 + delay;
  return { years: Math.floor(totalMonths / 12), months: totalMonths % 12, month: monthOfIndex(monthIndex(birthMonth) + totalMonths) };
}

/** The day the statutory age is reached: the birthday that many years and months on (the 31st → the month's last day). */
export function statutoryRetirementDay(birthDate: string, category: RetirementCategory): string {
  const age = statutoryRetirement(birthDate.slice(0, 7), category);
  return addMonthsToDay(birthDate, age.years * 12 + age.months);
}

/** '60岁4个月', '63岁'. */
export function formatRetirementAge(age: { years: number; months: number }): string {
  return age.months === 0 ? `${age.years}岁` : `${age.years}岁${age.months}个月`;
}
