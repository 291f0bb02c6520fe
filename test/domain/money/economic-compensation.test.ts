// 劳动合同法 第四十六条、第四十七条、第九十七条 worked examples, and the exposure ranges of 第八十四条/第八十六条.
import { describe, expect, it } from 'vitest';
import { backPay } from '../../../src/domain/money/back-pay.ts';
import { economicCompensation, type CompensationInput } from '../../../src/domain/money/economic-compensation.ts';
import { exposure } from '../../../src/domain/money/exposure.ts';
import { period } from './policy-fixtures.ts';

const base: CompensationInput = { startDate: '2025-03-01', lastDay: '2025-08-31', wageHistoryFen: [], rosterWageFen: 800_000, averageMonthlyWageFen: 1_243_400, minimumWageFen: 274_000 };

describe('economicCompensation', () => {
  it.each([
    ['2025-03-01 → 2025-08-31 is six full months: one month', base, 2, 800_000],
    ['2025-03-01 → 2025-08-30 is under six months: half a month', { ...base, lastDay: '2025-08-30' }, 1, 400_000],
    ['one year and six months counts two years', { ...base, startDate: '2024-03-01' }, 4, 1_600_000],
    ['only service from 2008-01-01 counts (第九十七条第三款)', { ...base, startDate: '2005-06-01', lastDay: '2008-12-31' }, 2, 800_000],
    ['a wage below the minimum wage is raised to it', { ...base, rosterWageFen: 200_000 }, 2, 274_000],
    ['the 12-month average replaces the roster wage, half up', { ...base, wageHistoryFen: [600_001, 600_000] }, 2, 600_001],
    ['half a month of an odd wage rounds half up', { ...base, lastDay: '2025-08-30', rosterWageFen: 800_001 }, 1, 400_001],
  ])('%s', (_name, input, halves, fen) => {
    const c = economicCompensation(input);
    expect([c.halfMonths, c.compensationFen]).toEqual([halves, fen]);
  });

  it('caps a wage above 3× the average at 3× and the years at 12', () => {
    // from 2008-01-01 through 2025-05-31: 17 years 5 months → 17.5 months, capped to 12
    const c = economicCompensation({ ...base, startDate: '2005-06-01', lastDay: '2025-05-31', rosterWageFen: 5_000_000 });
    expect(c).toMatchObject({ wageFen: 3_730_200, halfMonths: 24, compensationFen: 44_762_400 });
    expect(c.basis).toContain('第四十七条第二款');
  });

  it('keeps the years uncapped when the wage is within 3×', () => {
    const c = economicCompensation({ ...base, startDate: '2005-06-01', lastDay: '2025-05-31' });
    expect(c).toMatchObject({ halfMonths: 35, compensationFen: 14_000_000 });
    expect(c.basis).toContain('第九十七条第三款');
  });
});

describe('exposure', () => {
  const arrears = backPay({ city: '示例市', periods: [period()], wageFen: 500_000, from: '2025-05', to: '2025-05', payOn: '2025-06-11' });
  const comp = economicCompensation(base);

  it('adds the 第八十四条 fines when the employee was never registered', () => {
    const e = exposure({ arrears, registered: false, compensation: comp });
    expect(e.lines.map((l) => [l.key, l.minFen, l.maxFen])).toEqual([
      ['arrears', 120_000, 120_000],
      ['lateFee', 600, 600],
      ['art86Fine', 120_000, 360_000],
      ['art84Fine', 120_000, 360_000],
      ['art84ManagerFine', 50_000, 300_000],
      ['compensation', 800_000, 800_000],
    ]);
    expect(e.maxTotalFen).toBe(120_000 + 600 + 360_000 + 360_000 + 300_000 + 800_000);
    expect(e.lines.every((l) => l.article.includes('第'))).toBe(true);
  });

  it('leaves 第八十四条 out for a registered employee', () => {
    expect(exposure({ arrears, registered: true, compensation: null }).lines.map((l) => l.key)).toEqual(['arrears', 'lateFee', 'art86Fine']);
  });
});
