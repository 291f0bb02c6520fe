// Bases against the policy in force on the month's 1st for the record's own city (else the
// employee's): an older and a later policy of the same city never count, the latest of two in force wins, a city without a policy
// compares the base with the wage unclamped, the ceiling clamps the expected base, and each
// employee's records come as one finding.
import { describe, expect, it } from 'vitest';
import { findBaseMismatches } from '../../src/services/reconciliation/find-base-mismatches.ts';
import { monthBounds } from '../../src/services/reconciliation/reconciliation-month.ts';
import { makeEmployee } from '../helpers/factories.ts';
import { createTestDb } from '../helpers/test-db.ts';

const t = await createTestDb();
const policy = (city: string, from: string, to: string | null, floorYuan: number, ceilingYuan: number) =>
  t.db.cityPolicy.create({ data: { city, effectiveFrom: new Date(from), effectiveTo: to ? new Date(to) : null, baseFloorFen: floorYuan * 100, baseCeilingFen: ceilingYuan * 100, sourceUrl: `https://example.gov.cn/${city}/${from}` } });
await policy('上海', '2024-07-01', '2025-06-30', 7_000, 35_000);
await policy('上海', '2025-07-01', null, 7_460, 37_302);
await policy('上海', '2026-12-01', null, 8_000, 40_000); // announced, not yet in force in October
await policy('北京', '2024-07-01', null, 6_500, 33_000); // never closed: the later one wins
await policy('北京', '2025-07-01', null, 7_139, 35_691);

const ids: Record<string, string> = {};
/** An employee paying in October 2026 on `bases` (yuan per insurance type), on `city` or their own. */
async function paying(key: string, o: { wageYuan: number; insuredCity: string; bases: Partial<Record<'PENSION' | 'MEDICAL', number>>; recordCity?: string; payer?: string }) {
  const e = await makeEmployee(t.deps, { name: key, insuredCity: o.insuredCity, contractEntity: 'A公司', monthlyWage: o.wageYuan * 100 });
  ids[key] = e.id;
  await t.db.contributionRecord.createMany({
    data: Object.entries(o.bases).map(([insuranceType, baseYuan]) => ({
      employeeId: e.id, month: '2026-10', insuranceType: insuranceType as 'PENSION' | 'MEDICAL', baseFen: baseYuan * 100, employerFen: 0, employeeFen: 0,
      city: o.recordCity ?? null, payerEntity: o.payer ?? 'A公司', sourceFile: 'test.xlsx',
    })),
  });
}
await paying('aboveCurrentFloor', { wageYuan: 7_600, insuredCity: '上海', bases: { PENSION: 7_600 } }); // below the December floor only
await paying('belowCurrentFloor', { wageYuan: 7_300, insuredCity: '上海', bases: { PENSION: 7_300, MEDICAL: 7_200 } }); // above the old floor only
await paying('paidInBeijing', { wageYuan: 7_200, insuredCity: '上海', recordCity: '北京', bases: { PENSION: 7_200 } });
await paying('beijingBetweenFloors', { wageYuan: 7_000, insuredCity: '上海', recordCity: '北京', bases: { PENSION: 7_000 } });
await paying('noPolicyMatch', { wageYuan: 50_000, insuredCity: '深圳', bases: { PENSION: 50_000 } });
await paying('noPolicyShort', { wageYuan: 50_000, insuredCity: '深圳', bases: { PENSION: 40_000 } });
await paying('atCeiling', { wageYuan: 50_000, insuredCity: '上海', bases: { PENSION: 37_302 } });
await paying('belowWage', { wageYuan: 20_000, insuredCity: '上海', bases: { PENSION: 10_000, MEDICAL: 20_000 } });
await paying('otherPayer', { wageYuan: 10_000, insuredCity: '上海', bases: { PENSION: 10_000 }, payer: 'B公司' });

describe('findBaseMismatches', () => {
  it('judges each record by the policy in force on the 1st of its own city, and each employee once per kind', async () => {
    const found = await findBaseMismatches(t.db, monthBounds('2026-10'), 5);
    const byEmployee = Object.fromEntries(Object.entries(ids).map(([k, id]) => [id, k]));
    const rows = found.map((f) => ({ kind: f.kind, who: byEmployee[f.employeeId], details: f.details })).sort((a, b) => `${a.kind}${a.who}`.localeCompare(`${b.kind}${b.who}`));
    expect(rows).toEqual([
      {
        kind: 'base_below_floor', who: 'beijingBetweenFloors',
        details: { city: '北京', floorFen: 713_900, sourceUrl: 'https://example.gov.cn/北京/2025-07-01', records: [{ insuranceType: 'PENSION', baseFen: 700_000 }] },
      },
      {
        kind: 'base_below_floor', who: 'belowCurrentFloor',
        details: { city: '上海', floorFen: 746_000, sourceUrl: 'https://example.gov.cn/上海/2025-07-01', records: [{ insuranceType: 'MEDICAL', baseFen: 720_000 }, { insuranceType: 'PENSION', baseFen: 730_000 }] },
      },
      {
        kind: 'base_mismatch_wage', who: 'belowWage',
        details: { wageFen: 2_000_000, expectedBaseFen: 2_000_000, tolerancePercent: 5, records: [{ insuranceType: 'PENSION', baseFen: 1_000_000 }] },
      },
      {
        kind: 'base_mismatch_wage', who: 'noPolicyShort',
        details: { wageFen: 5_000_000, expectedBaseFen: 5_000_000, tolerancePercent: 5, records: [{ insuranceType: 'PENSION', baseFen: 4_000_000 }] },
      },
      { kind: 'entity_mismatch', who: 'otherPayer', details: { contractEntity: 'A公司', payerEntities: ['B公司'] } },
    ]);
  });
});
