// The back-pay calculator against hand-computed examples (reference/law.md "Late payment and back-pay").
import { describe, expect, it } from 'vitest';
import { backPay, MissingPolicyError } from '../../../src/domain/money/back-pay.ts';
import { multiplyRounded, parseRate, ratePercent } from '../../../src/domain/money/exact-rate.ts';
import { lateDays } from '../../../src/domain/money/late-fee.ts';
import { monthContributions } from '../../../src/domain/money/month-contributions.ts';
import { period } from './policy-fixtures.ts';

const oneMonth = (wageFen: number, p = period(), month = '2025-05', payOn = '2025-06-11') => backPay({ city: '示例市', periods: [p], wageFen, from: month, to: month, payOn });

describe('monthly contributions', () => {
  it.each([
    ['base 5,000 at 16% + 8% = ¥1,200.00', 500_000, period(), 80_000, 40_000, 120_000],
    ['base 4,500 at 24% = ¥1,080.00', 450_000, period(), 72_000, 36_000, 108_000],
    ['a wage below the floor pays on the floor (7,460)', 300_000, period({ baseFloorFen: 746_000, baseCeilingFen: 3_730_200 }), 119_360, 59_680, 179_040],
    ['a wage above the ceiling pays on the ceiling (37,302)', 5_000_000, period({ baseFloorFen: 746_000, baseCeilingFen: 3_730_200 }), 596_832, 298_416, 895_248],
  ])('%s', (_name, wage, p, employer, employee, total) => {
    const c = monthContributions(wage, p);
    expect([c.employerFen, c.employeeFen, c.totalFen]).toEqual([employer, employee, total]);
  });

  it('computes each type and side of the issue example separately', () => {
    const p = period({
      rates: {
        pension: { employer: '0.16', employee: '0.08' },
        medical: { employer: '0.09', employee: '0.02' },
        unemployment: { employer: '0.005', employee: '0.005' },
        workInjury: { employer: '0.0026', employee: '0' },
        maternity: { employer: '0.01', employee: '0' },
      },
    });
    // 7,461.23: 0.26 % = 19.399198 → 19.40; 0.5 % = 37.30615 → 37.31
    const c = monthContributions(746_123, p);
    expect(c.items).toEqual([
      { type: 'pension', employerFen: 119_380, employeeFen: 59_690 },
      { type: 'medical', employerFen: 67_151, employeeFen: 14_922 },
      { type: 'unemployment', employerFen: 3731, employeeFen: 3731 },
      { type: 'workInjury', employerFen: 1940, employeeFen: 0 },
      { type: 'maternity', employerFen: 7461, employeeFen: 0 },
    ]);
    expect(c.employerFen).toBe(119_380 + 67_151 + 3731 + 1940 + 7461);
  });

  it.each([
    // base × rate → fen / jiao / yuan, half up
    [123_457, '0.08', 9877, 9880, 9900],
    [100_050, '0.01', 1001, 1000, 1000],
    [100_500, '0.01', 1005, 1010, 1000],
    [105_000, '0.01', 1050, 1050, 1100],
  ])('rounds %i × %s half up to fen %i, jiao %i, yuan %i', (base, rate, fen, jiao, yuan) => {
    const got = (['fen', 'jiao', 'yuan'] as const).map((rounding) => monthContributions(base, period({ rounding, rates: { pension: { employer: rate, employee: '0' } } })).employerFen);
    expect(got).toEqual([fen, jiao, yuan]);
  });

  it('multiplies exactly where floats drift (0.1 + 0.2 style)', () => {
    expect(multiplyRounded(1_005, [parseRate('0.5')])).toBe(503); // 502.5 → 503, not 502
    expect(multiplyRounded(2_147_483_647, [parseRate('0.00000001'), 3n])).toBe(64);
    expect(ratePercent('0.0026')).toBe('0.26%');
    expect(ratePercent('0.0005')).toBe('0.05%');
    expect(ratePercent('0.16')).toBe('16%');
  });
});

describe('late days and late fees', () => {
  it('2025-05 due on the last day, paid 2025-06-11: 10 late days, ¥6.00 on ¥1,200', () => {
    const m = oneMonth(500_000).months[0]!;
    expect(m).toMatchObject({ dueOn: '2025-05-31', lateDays: 10, lateFeeFen: 600 });
    expect(m.explanation).toContain('《社会保险法》第八十六条');
  });

  it.each([
    ['2025-05-15', '2025-05-10', 0],
    ['2025-05-15', '2025-05-16', 0],
    ['2025-05-15', '2025-05-17', 1],
    ['2025-05-31', '2025-05-31', 0],
  ])('due %s paid %s: %i late days', (due, pay, days) => {
    expect(lateDays(due, pay)).toBe(days);
  });

  it('charges only the employer part when the policy says so', () => {
    expect(oneMonth(500_000, period({ lateFee: { method: 'daily', dailyRate: '0.0005', on: 'employer' } })).months[0]!.lateFeeFen).toBe(400);
  });

  it('charges 0.2 % a day for months before 2011-07 and the policy rate from 2011-07', () => {
    const r = backPay({ city: '示例市', periods: [period()], wageFen: 500_000, from: '2011-06', to: '2011-07', payOn: '2011-08-11' });
    // June: due 06-30, 07-01 … 08-10 = 41 days × 0.2 % × 1,200 = 98.40; July: 10 days × 0.05 % = 6.00
    expect(r.months.map((m) => [m.lateDays, m.lateFeeFen])).toEqual([[41, 9840], [10, 600]]);
    expect(r.months[0]!.explanation).toContain('《社会保险费征缴暂行条例》第十三条');
  });

  it('computes no fee where the region charges interest, and says so', () => {
    const r = oneMonth(500_000, period({ lateFee: { method: 'none', interestNote: '按同期贷款利率计息' } }));
    expect(r.months[0]!.lateFeeFen).toBe(0);
    expect(r.warnings).toContain('本地区不按日加收滞纳金，另计利息：按同期贷款利率计息');
  });
});

describe('ranges of months', () => {
  it('crosses a period boundary: each month uses its own period', () => {
    const a = period({ id: 'a', from: '2024-07', to: '2025-06', baseFloorFen: 738_400, baseCeilingFen: 3_692_100 });
    const b = period({ id: 'b', from: '2025-07', to: null, baseFloorFen: 746_000, baseCeilingFen: 3_730_200 });
    const r = backPay({ city: '示例市', periods: [b, a], wageFen: 700_000, from: '2025-05', to: '2025-08', payOn: '2025-05-01' });
    expect(r.months.map((m) => [m.month, m.periodId, m.baseFen])).toEqual([['2025-05', 'a', 738_400], ['2025-06', 'a', 738_400], ['2025-07', 'b', 746_000], ['2025-08', 'b', 746_000]]);
    expect(r.totals).toEqual({ employerFen: 2 * 118_144 + 2 * 119_360, employeeFen: 2 * 59_072 + 2 * 59_680, totalFen: 2 * 177_216 + 2 * 179_040, lateFeeFen: 0, grandTotalFen: 2 * 177_216 + 2 * 179_040 });
  });

  it('crosses a year boundary with a leap February', () => {
    const r = backPay({ city: '示例市', periods: [period()], wageFen: 500_000, from: '2023-12', to: '2024-03', payOn: '2024-04-01' });
    expect(r.months.map((m) => [m.month, m.dueOn, m.lateDays, m.lateFeeFen])).toEqual([
      ['2023-12', '2023-12-31', 91, 5460],
      ['2024-01', '2024-01-31', 60, 3600],
      ['2024-02', '2024-02-29', 31, 1860],
      ['2024-03', '2024-03-31', 0, 0],
    ]);
    expect(r.totals).toEqual({ employerFen: 320_000, employeeFen: 160_000, totalFen: 480_000, lateFeeFen: 10_920, grandTotalFen: 490_920 });
  });

  it('refuses a month without a policy, naming it', () => {
    expect(() => backPay({ city: '示例市', periods: [period({ from: '2025-01' })], wageFen: 500_000, from: '2024-12', to: '2025-01', payOn: '2025-06-01' })).toThrow(MissingPolicyError);
  });

  it('says the result rests on unverified data', () => {
    const r = oneMonth(500_000, period({ verified: false, from: '2025-07', to: null }), '2025-07');
    expect(r.verified).toBe(false);
    expect(r.warnings[0]).toMatch(/^政策数据未经核实：示例市 2025-07 起/);
    expect(oneMonth(500_000).warnings).toEqual([]);
  });
});
