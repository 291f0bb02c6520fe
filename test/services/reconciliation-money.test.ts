// 在职未参保 and 基数过低 carry their money from the calculator (as if paid on the run day) when the
// city has a policy, and say so when it has none.
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/actor.ts';
import { importPolicyFile } from '../../src/services/policies/import-policy-file.ts';
import { reconcileContributions } from '../../src/services/reconciliation/reconcile-contributions.ts';
import { makeActor, makeEmployee } from '../helpers/factories.ts';
import { withRecordingOutbox } from '../helpers/recording-outbox.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb({ now: () => new Date('2026-11-05T00:00:00Z') });
const { deps, outbox } = withRecordingOutbox(t.deps);
const ids: Record<string, string> = {};

const period = {
  from: '2025-01', to: null, baseFloorFen: 746000, baseCeilingFen: 3730200,
  rates: { pension: { employer: '0.16', employee: '0.08' }, medical: { employer: '0.09', employee: '0.02' } },
  rounding: 'fen' as const, dueDay: 'last' as const, lateFee: { method: 'daily' as const, dailyRate: '0.0005', on: 'total' as const },
  averageMonthlyWageFen: 1243400, minimumWageFen: 274000, source: null, verified: false,
};

beforeAll(async () => {
  await importPolicyFile(deps, { actor: systemActor('test'), file: { city: '示例市', cityCode: '000000', periods: [period] } });
  await makeActor(t.deps, ['HR_SPECIALIST'], { name: '李专员', startDate: '2025-01-01', identities: { sandbox: 'hr-s' } });
  const person = async (key: string, city: string, wageFen: number) => {
    ids[key] = (await makeEmployee(t.deps, { name: key, startDate: '2026-03-01', insuredCity: city, monthlyWage: wageFen })).id;
  };
  await person('notInsured', '示例市', 800_000);
  await person('noPolicy', '无政策市', 800_000);
  await person('belowFloor', '示例市', 500_000);
  // Pension paid on 5,000 (below the 7,460 floor); medical not paid at all (not this task's money).
  await t.db.contributionRecord.create({ data: { employeeId: ids.belowFloor!, month: '2026-10', insuranceType: 'PENSION', baseFen: 500_000, employerFen: 80_000, employeeFen: 40_000, city: '示例市', sourceFile: 'test.xlsx' } });
  // Pension and medical both on 6,000: each priced against what this employee paid for it.
  await person('belowFloorTwo', '示例市', 600_000);
  await t.db.contributionRecord.createMany({ data: [
    { employeeId: ids.belowFloorTwo!, month: '2026-10', insuranceType: 'PENSION', baseFen: 600_000, employerFen: 96_000, employeeFen: 48_000, city: '示例市', sourceFile: 'test.xlsx' },
    { employeeId: ids.belowFloorTwo!, month: '2026-10', insuranceType: 'MEDICAL', baseFen: 600_000, employerFen: 54_000, employeeFen: 12_000, city: '示例市', sourceFile: 'test.xlsx' },
  ] });
});

const details = async (kind: string, key: string) => (await t.db.reconciliationTask.findFirstOrThrow({ where: { kind, employeeId: ids[key] } })).details as { money: Record<string, unknown> };

describe('reconciliation task money', () => {
  it('prices 在职未参保 as the whole month paid on the run day', async () => {
    expect(await reconcileContributions(deps, { asOf: '2026-11-05' })).toMatchObject({ month: '2026-10' });
    // 8,000 × (16 + 9) % = 2,000.00 and × (8 + 2) % = 800.00; due 10-31, paid 11-05 → 4 days × 0.05 % × 2,800 = 5.60
    expect((await details('active_not_insured', 'notInsured')).money).toMatchObject({
      estimated: true, city: '示例市', payOn: '2026-11-05', employerFen: 200_000, employeeFen: 80_000, totalFen: 280_000, lateFeeFen: 560, grandTotalFen: 280_560, verified: false,
      warnings: [expect.stringMatching(/^政策数据未经核实：示例市 2025-01 起/)],
    });
  });

  it('prices 基数过低 as the shortfall of the paid insurances at the floor', async () => {
    // pension at 7,460: 1,193.60 / 596.80 minus 800.00 / 400.00 paid = 393.60 + 196.80; fee 590.40 × 0.05 % × 4 = 1.18 (1.1808)
    expect((await details('base_below_floor', 'belowFloor')).money).toMatchObject({
      estimated: true, employerFen: 39_360, employeeFen: 19_680, totalFen: 59_040, lateFeeFen: 118, grandTotalFen: 59_158,
      basis: expect.stringContaining('减已缴'),
    });
  });

  it('prices each employee’s 基数过低 against their own payments, insurance by insurance', async () => {
    // at 7,460: pension 1,193.60 / 596.80 and medical 671.40 / 149.20, minus 960.00 / 480.00 and
    // 540.00 / 120.00 paid = 365.00 + 146.00; fee 511.00 × 0.05 % × 4 = 1.02 (1.022)
    expect((await details('base_below_floor', 'belowFloorTwo')).money).toMatchObject({
      estimated: true, employerFen: 36_500, employeeFen: 14_600, totalFen: 51_100, lateFeeFen: 102, grandTotalFen: 51_202,
    });
  });

  it('says so when the city has no policy', async () => {
    expect((await details('active_not_insured', 'noPolicy')).money).toEqual({ estimated: false, note: '没有「无政策市」的社保政策，无法估算金额；请先导入该城市的政策文件' });
  });

  it('shows on the digest card what each kind owes, at least that when a task could not be priced, and that the policy is unverified', () => {
    const card = outbox.messages.flatMap((m) => (m.payload.kind === 'card' && m.payload.card.type === 'reconciliation.digest' ? [m.payload.card] : []))[0];
    // 在职未参保: notInsured 2,800.00 + 5.60; noPolicy (no policy) and the HR specialist (no insured
    // city) cannot be priced, so the sum is a lower bound.
    expect(card?.rows.find((r) => r.label === '在职未参保')?.value).toMatch(/^3人 应补至少¥2,805\.60：/);
    expect(card?.rows.find((r) => r.label === '基数过低')?.value).toMatch(/^2人 应补¥1,103\.60：belowFloor/);
    expect(card?.subtitle).toMatch(/（政策数据未经核实）$/);
  });
});
