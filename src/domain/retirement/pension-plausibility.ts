// Is it plausible that this person already draws a basic pension? The earliest lawful route is
// early retirement for special job types (特殊工种: 《国务院关于工人退休、退职的暂行办法》国发〔1978〕104号
// 第一条第（二）项: men 55, women 45), five years before the original statutory age; the reform does
// not raise those ages (flexible early retirement under 办法 第三条 never goes below the original
// age). So the threshold is the original age minus five: men 55, women workers 45, women cadres
// 50. Only retirement for total incapacity (同条第（三）项: men 50, women 45) goes lower, and that
// is rare enough for HR to check the certificate — hence a warning, never a refusal.
import { ageInYears } from './month-math.ts';
import type { Sex } from './retirement-category.ts';
import { retirementRules, type RetirementCategory } from './statutory-retirement.ts';

export const EARLIEST_BEFORE_ORIGINAL_YEARS = 5;

/** Short enough for an approval card row. */
export const PENSIONER_AGE_CARD_NOTE = '年龄低于最早退休年龄，请核实退休证';

/**
 * @example pensionerAgeWarning({ birthDate: '1990-05-01', sex: 'male', category: null }, '2026-12-07') // → '按证件，该员工现年36周岁，…'
 */
export function pensionerAgeWarning(p: { birthDate: string | null; sex: Sex | null; category: RetirementCategory | null }, today: string): string | null {
  // A woman without a recorded category gets the lower (workers') threshold: no false alarm.
  const category = p.category ?? (p.sex === 'male' ? 'male' : p.sex === 'female' ? 'female_worker' : null);
  if (!p.birthDate || !category) return null;
  const earliest = retirementRules[category].originalYears - EARLIEST_BEFORE_ORIGINAL_YEARS;
  const age = ageInYears(p.birthDate, today);
  if (age >= earliest) return null;
  return `按证件，该员工现年${age}周岁，低于最早可办理退休的年龄${earliest}周岁（特殊工种提前退休，国发〔1978〕104号 第一条第（二）项），通常不可能已领取基本养老金；除因病完全丧失劳动能力提前退休（同条第（三）项）外，请核实退休证和养老金领取记录`;
}
