import { describe, expect, it } from 'vitest';
import { monthIndex, monthOfIndex } from '../../src/domain/retirement/month-math.ts';
import { formatRetirementAge, statutoryRetirement, statutoryRetirementDay, type RetirementCategory } from '../../src/domain/retirement/statutory-retirement.ts';

const age = (birth: string, category: RetirementCategory) => {
  const r = statutoryRetirement(birth, category);
  return [formatRetirementAge(r), r.month];
};

describe('statutory retirement age (渐进式延迟法定退休年龄, 办法 第一条)', () => {
  it('gives the examples of the decision', () => {
    expect(statutoryRetirement('1966-03', 'male')).toEqual({ years: 60, months: 4, month: '2026-07' });
    expect(statutoryRetirement('1976-05', 'female_worker')).toEqual({ years: 50, months: 9, month: '2027-02' });
    expect(statutoryRetirement('1971-01', 'female_cadre')).toEqual({ years: 55, months: 4, month: '2026-05' });
  });

  it.each([
    // 男职工 对照表 (附件1) rows
    ['1964-12', 'male', '60岁', '2024-12'],
    ['1965-01', 'male', '60岁1个月', '2025-02'],
    ['1965-04', 'male', '60岁1个月', '2025-05'],
    ['1965-05', 'male', '60岁2个月', '2025-07'],
    ['1965-08', 'male', '60岁2个月', '2025-10'],
    ['1965-09', 'male', '60岁3个月', '2025-12'],
    ['1966-01', 'male', '60岁4个月', '2026-05'],
    ['1976-08', 'male', '62岁11个月', '2039-07'],
    ['1976-09', 'male', '63岁', '2039-09'],
    ['1990-06', 'male', '63岁', '2053-06'],
    // 原法定退休年龄五十周岁的女职工 对照表
    ['1974-12', 'female_worker', '50岁', '2024-12'],
    ['1975-01', 'female_worker', '50岁1个月', '2025-02'],
    ['1975-02', 'female_worker', '50岁1个月', '2025-03'],
    ['1975-03', 'female_worker', '50岁2个月', '2025-05'],
    ['1984-10', 'female_worker', '54岁11个月', '2039-09'],
    ['1984-11', 'female_worker', '55岁', '2039-11'],
    ['1995-01', 'female_worker', '55岁', '2050-01'],
    // 原法定退休年龄五十五周岁的女职工 对照表
    ['1969-12', 'female_cadre', '55岁', '2024-12'],
    ['1970-01', 'female_cadre', '55岁1个月', '2025-02'],
    ['1970-04', 'female_cadre', '55岁1个月', '2025-05'],
    ['1970-05', 'female_cadre', '55岁2个月', '2025-07'],
    ['1981-08', 'female_cadre', '57岁11个月', '2039-07'],
    ['1981-09', 'female_cadre', '58岁', '2039-09'],
  ] as const)('born %s, %s → %s, retiring %s', (birth, category, text, month) => {
    expect(age(birth, category)).toEqual([text, month]);
  });

  it.each([
    ['male', '1965-01', 4, 36],
    ['female_cadre', '1970-01', 4, 36],
    ['female_worker', '1975-01', 2, 60],
  ] as const)('%s: from %s every %i birth months add one month, up to %i, and never fall back', (category, first, step, cap) => {
    const base = statutoryRetirement(monthOfIndex(monthIndex(first) - 1), category);
    const baseMonths = base.years * 12 + base.months;
    let previous = 0;
    for (let i = 0; i < 12 * 20; i++) {
      const birth = monthOfIndex(monthIndex(first) + i);
      const r = statutoryRetirement(birth, category);
      const delay = r.years * 12 + r.months - baseMonths;
      expect(delay).toBe(Math.min(Math.floor(i / step) + 1, cap));
      expect(delay).toBeGreaterThanOrEqual(previous);
      // The retirement month is the birth month plus the age, as the 对照表 list it.
      expect(monthIndex(r.month)).toBe(monthIndex(birth) + r.years * 12 + r.months);
      previous = delay;
    }
    // The cap is first reached step × (cap − 1) months after the first delayed birth month.
    const capped = monthOfIndex(monthIndex(first) + step * (cap - 1));
    expect(statutoryRetirement(capped, category).years * 12 + statutoryRetirement(capped, category).months - baseMonths).toBe(cap);
  });

  it('reaches the age on the birthday, clamped to the last day of a short month', () => {
    expect(statutoryRetirementDay('1966-03-15', 'male')).toBe('2026-07-15');
    expect(statutoryRetirementDay('1965-01-31', 'male')).toBe('2025-02-28');
    expect(statutoryRetirementDay('1976-05-31', 'female_worker')).toBe('2027-02-28');
  });
});
