// The KPI scoring rules as data: the shipped defaults and the proportional deductions.
import { describe, expect, it } from 'vitest';
import { addKpiCounts, emptyKpiCounts } from '../../src/domain/kpi/kpi-counts.ts';
import { changeOf, deriveKpiFigures } from '../../src/domain/kpi/kpi-figures.ts';
import { defaultKpiScoring, parseKpiScoring, scoreKpis } from '../../src/domain/kpi/kpi-scoring.ts';

describe('scoreKpis', () => {
  it('takes 2 points per 1 % of timeliness below 100 %, 5 per back-pay, 3 per complaint and 1 per 1 % of coverage', () => {
    const s = scoreKpis({ timelinessPct: 98.5, coveragePct: 97, backPayEventsThisYear: 1, complaints: 2 }, defaultKpiScoring);
    expect(s.deductions.map((d) => [d.rule, d.points])).toEqual([['timeliness', 3], ['backPay', 5], ['complaints', 6], ['coverage', 3]]);
    expect(s.score).toBe(83);
  });

  it('takes nothing for a month without hires due or for rules set to 0, and never goes below 0', () => {
    expect(scoreKpis({ timelinessPct: null, coveragePct: null, backPayEventsThisYear: 0, complaints: null }, defaultKpiScoring)).toEqual({ fullScore: 100, score: 100, deductions: [] });
    expect(scoreKpis({ timelinessPct: 50, coveragePct: 100, backPayEventsThisYear: 3, complaints: 0 }, { ...defaultKpiScoring, timelinessPointsPerPct: 0, backPayTargetPerYear: 3 }).deductions).toEqual([]);
    expect(scoreKpis({ timelinessPct: 0, coveragePct: 0, backPayEventsThisYear: 0, complaints: 0 }, defaultKpiScoring).score).toBe(0);
  });

  it('falls back to the defaults for a broken stored value', () => {
    expect(parseKpiScoring('{"backPayPointsEach":-3}')).toMatchObject({ rules: defaultKpiScoring, error: expect.any(String) });
    expect(parseKpiScoring('{"backPayPointsEach":8}').rules.backPayPointsEach).toBe(8);
  });
});

describe('KPI figures from counts', () => {
  it('derives rates from summed counts, not from averaged rates', () => {
    const a = { ...emptyKpiCounts(), deadlineHires: 1, enrolledOnTime: 1, exceptionsByState: { DRAFT: 1 }, reconciliationByKind: { entity_mismatch: { total: 2, open: 1 } } };
    const b = { ...emptyKpiCounts(), deadlineHires: 3, enrolledOnTime: 0, exceptionsByState: { DRAFT: 2, APPROVED: 4 }, reconciliationByKind: { entity_mismatch: { total: 1, open: 1 } } };
    const f = deriveKpiFigures(addKpiCounts(a, b));
    expect(f).toMatchObject({ timelinessPct: 25, exceptionsOpen: 3, reconciliationOpen: 2, coveragePct: null, avgDaysToEnrol: null });
    expect(changeOf(25, null)).toBeNull();
    expect(changeOf(66.7, 44.4)).toBe(22.3);
  });
});
