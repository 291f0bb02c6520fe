// Which row of the reform applies to an employee. Men follow from the ID number's sex digit;
// a woman's row depends on her post (工人 originally 50, 干部 originally 55: 国发〔1978〕104号), which
// no number tells, so HR records it and until then no age is computed rather than guessed.
import type { RetirementCategory } from './statutory-retirement.ts';

export type Sex = 'male' | 'female';

export const FEMALE_CATEGORY_MISSING_NOTE = '证件显示为女性，请填写退休类别：女职工（原50岁）或女干部（原55岁），否则无法计算法定退休年龄';

export const CATEGORY_SEX_CONFLICT = '退休类别与身份证号显示的性别不一致，请核对';

/** The recorded category, else 男 when the ID number says so. */
export function effectiveRetirementCategory(recorded: RetirementCategory | null, sex: Sex | null): RetirementCategory | null {
  return recorded ?? (sex === 'male' ? 'male' : null);
}

/** A recorded category that the ID number contradicts (a man as 女职工, a woman as 男). */
export function contradictsSex(category: RetirementCategory | null | undefined, sex: Sex | null | undefined): boolean {
  if (!category || !sex) return false;
  return (category === 'male') !== (sex === 'male');
}
