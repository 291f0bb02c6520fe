import { describe, expect, it } from 'vitest';
import { compensationHalfMonths, fullMonthsOfService, monthsBetween, waiverRisk as estimate, type WaiverRiskInput } from '../../src/domain/exceptions/waiver-risk.ts';
import { nationalDefaultPeriod, TEST_CITY } from '../helpers/national-default-policy.ts';

type Old = Omit<WaiverRiskInput, 'city' | 'periods'> & { policies?: { from: string; to: string | null; floorFen: number; ceilingFen: number }[] };
/** The national default rates, with the test's base limits as periods of the policy library. */
function waiverRisk({ policies, ...o }: Old) {
  const periods = policies ? policies.map((p, i) => nationalDefaultPeriod({ id: `p${i}`, from: p.from.slice(0, 7), to: p.to?.slice(0, 7) ?? null, baseFloorFen: p.floorFen, baseCeilingFen: p.ceilingFen })) : [nationalDefaultPeriod()];
  const r = estimate({ ...o, city: TEST_CITY, periods });
  if (!r) throw new Error('no estimate');
  return r;
}
import { isReasonCategory, reasonCategories, requiredDocuments } from '../../src/domain/exceptions/reason-categories.ts';

describe('waiverRisk (hand-computed)', () => {
  it('wage ¥6,000, start 2026-06-15, as of 2026-11-20: 6 months back-pay, late fees, half a month', () => {
    const r = waiverRisk({ clockStart: '2026-06-15', asOf: '2026-11-20', monthlyWageFen: 600_000 });
    expect(r.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // employer 16+6+0.5+0.4+0.8 = 23.7 % of 6,000 = 1,422.00; employee 8+2+0.5 = 10.5 % = 630.00
    expect(r.monthly[0]).toMatchObject({ baseFen: 600_000, employerFen: 142_200, employeeFen: 63_000, daysOverdue: 142 });
    expect(r.monthly.map((m) => m.daysOverdue)).toEqual([142, 111, 80, 50, 19, 0]);
    // 2,052.00 × 142 × 0.05 % = 145.692 → 145.69; … ; November is not yet due
    expect(r.monthly.map((m) => m.lateFeeFen)).toEqual([14_569, 11_389, 8_208, 5_130, 1_949, 0]);
    expect(r.backpayFen).toBe(1_231_200);
    expect(r.lateFeeFen).toBe(41_245);
    expect(r.compensationFen).toBe(300_000); // 5 months 5 days: < 6 months → half a month
    expect(r.totalFen).toBe(1_572_445);
    expect(r.lines.map((l) => [l.key, l.amountFen])).toEqual([['backpayEmployer', 853_200], ['backpayEmployee', 378_000], ['lateFee', 41_245], ['compensation', 300_000]]);
    expect(r.lines.find((l) => l.key === 'lateFee')?.legalBasis).toContain('第八十六条');
    expect(r.lines.find((l) => l.key === 'compensation')?.legalBasis).toContain('第四十七条');
  });

  it('clamps the base to the city floor and counts a year and a few days as 1.5 months', () => {
    const policies = [{ from: '2025-07-01', to: '2026-06-30', floorFen: 746_000, ceilingFen: 3_730_200 }, { from: '2026-07-01', to: null, floorFen: 746_000, ceilingFen: 3_730_200 }];
    const r = waiverRisk({ clockStart: '2025-09-10', asOf: '2026-10-09', monthlyWageFen: 300_000, policies });
    expect(r.months).toHaveLength(14);
    expect(r.monthly.every((m) => m.baseFen === 746_000 && m.employerFen === 176_802 && m.employeeFen === 78_330)).toBe(true);
    expect(r.backpayFen).toBe(14 * 255_132);
    expect(r.lateFeeFen).toBe(315_984);
    expect(r.compensationFen).toBe(450_000); // wage, not base: 1 year + 29 days → 1.5 months of ¥3,000
    expect(r.totalFen).toBe(3_571_848 + 315_984 + 450_000);
  });

  it('caps the base at the ceiling and gives nothing before the clock starts', () => {
    const r = waiverRisk({ clockStart: '2026-11-01', asOf: '2026-11-30', monthlyWageFen: 10_000_000, policies: [{ from: '2026-01-01', to: null, floorFen: 700_000, ceilingFen: 3_500_000 }] });
    expect(r.monthly[0]?.baseFen).toBe(3_500_000);
    expect(waiverRisk({ clockStart: '2026-12-01', asOf: '2026-11-30', monthlyWageFen: 600_000 }).totalFen).toBe(0);
  });

  it.each([
    ['2026-01-15', '2026-01-15', 0, 0],
    ['2026-01-15', '2026-01-16', 0, 1],
    ['2026-01-15', '2026-07-14', 5, 1],
    ['2026-01-15', '2026-07-15', 6, 2],
    ['2025-01-15', '2026-01-15', 12, 2],
    ['2025-01-15', '2026-01-16', 12, 3],
    ['2024-01-31', '2026-02-28', 25, 5],
    ['2026-01-31', '2026-02-28', 1, 1],
  ])('service %s → %s: %i full months, %i half months of compensation', (start, asOf, months, halves) => {
    expect(fullMonthsOfService(start, asOf)).toBe(months);
    expect(compensationHalfMonths(start, asOf)).toBe(halves);
  });

  it('shows nothing without a policy for every month, and says when the policy is unverified', () => {
    expect(estimate({ clockStart: '1999-12-01', asOf: '2000-02-01', monthlyWageFen: 600_000, city: TEST_CITY, periods: [nationalDefaultPeriod()] })).toBeNull();
    const r = estimate({ clockStart: '2026-06-15', asOf: '2026-11-20', monthlyWageFen: 600_000, city: TEST_CITY, periods: [nationalDefaultPeriod({ verified: false })] });
    expect(r?.totalFen).toBe(1_572_445);
    expect(r?.warnings[0]).toMatch(/^政策数据未经核实：测试市/);
  });

  it('lists months across a year end', () => {
    expect(monthsBetween('2026-11-30', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('reason categories', () => {
  it('maps the lawful reasons to their kinds and proofs, the others to void waivers owing every insurance', () => {
    expect(reasonCategories.RETIRED_PENSIONER).toMatchObject({ kind: 'RETIRED_REHIRE', lawful: true, proofs: [{ kind: 'PENSION_CERTIFICATE', label: '退休证或养老金领取证明' }] });
    expect(reasonCategories.OTHER_EMPLOYER_PAYS).toMatchObject({ kind: 'DUAL_EMPLOYMENT', lawful: true, proofs: [{ kind: 'OTHER_EMPLOYER_CONTRIBUTIONS', label: '原单位社保缴费记录' }] });
    for (const c of ['PREFER_CASH', 'RESIDENT_INSURANCE', 'SHORT_TERM', 'OTHER'] as const) {
      expect(reasonCategories[c]).toMatchObject({ kind: 'WAIVER_REQUEST', lawful: false });
      expect(reasonCategories[c].legalNote).toContain('法释〔2025〕12号 第十九条');
      expect(reasonCategories[c].owed.map((o) => o.type)).toEqual(['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'INJURY', 'MATERNITY']);
      expect(requiredDocuments(c)).toEqual([]);
    }
    expect(requiredDocuments('RETIRED_PENSIONER').map((d) => d.label)).toEqual(['员工签署的声明', '退休证或养老金领取证明']);
    expect(isReasonCategory('PREFER_CASH')).toBe(true);
    expect(isReasonCategory('prefer_cash')).toBe(false);
  });
});
