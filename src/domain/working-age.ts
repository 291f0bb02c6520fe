// Who may be employed, by age on the business day (Asia/Shanghai, never the UTC date: at
// 2026-12-06T20:00Z it is already 12-07 in Shanghai, and a birthday on 12-07 counts that day).
// - Under 16: 《劳动法》第十五条 forbids employing minors under 16, and 《禁止使用童工规定》第二条
//   makes it 童工 — an alarm that stops the record, not an "invalid ID".
// - 16 and 17: 未成年工, lawful but protected (《劳动法》第五十八条、第六十四条、第六十五条;
//   《未成年工特殊保护规定》: no prohibited work, health checks, registration with the labour bureau).
import { ageInYears } from './retirement/month-math.ts';

export type WorkingAge = 'child' | 'minor' | 'adult';

export const CHILD_LABOUR_PROBLEM = 'child_labour';

/** `source`: where the birth date came from — the ID number, or the date entered for a passport holder. */
export function childLabourMessage(source: 'idNumber' | 'birthDate'): string {
  const from = source === 'idNumber' ? '该身份证号' : '该出生日期';
  return `${from}显示未满16周岁，用人单位不得招用未满16周岁的未成年人（《劳动法》第十五条；《禁止使用童工规定》第二条）`;
}

export const MINOR_WORKER_NOTE = '未成年工（已满16周岁未满18周岁）：不得安排禁忌从事的劳动，须定期健康检查并向劳动行政部门登记（《劳动法》第五十八条、第六十四条、第六十五条；《未成年工特殊保护规定》）';

/**
 * @example workingAge('2010-12-07', '2026-12-07') // → 'minor' (16 that day)
 */
export function workingAge(birthDate: string, today: string): WorkingAge {
  const age = ageInYears(birthDate, today);
  if (age < 16) return 'child';
  return age < 18 ? 'minor' : 'adult';
}
