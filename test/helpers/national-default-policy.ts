// A policy period at the national default rates (reference/law.md "Late payment and back-pay"),
// with bases wide enough never to clamp, for tests of flows that show money but are not about a city.
import type { Db } from '../../src/db/client.ts';
import { parseDay } from '../../src/domain/dates.ts';
import type { PolicyPeriod } from '../../src/domain/policy/policy-period.ts';

export const TEST_CITY = '测试市';

export function nationalDefaultPeriod(over: Partial<PolicyPeriod> = {}): PolicyPeriod {
  return {
    id: 'national-default',
    city: TEST_CITY,
    from: '2000-01',
    to: null,
    baseFloorFen: 100,
    baseCeilingFen: 100_000_000,
    rates: {
      pension: { employer: '0.16', employee: '0.08' },
      medical: { employer: '0.06', employee: '0.02' },
      unemployment: { employer: '0.005', employee: '0.005' },
      workInjury: { employer: '0.004', employee: '0' },
      maternity: { employer: '0.008', employee: '0' },
    },
    rounding: 'fen',
    dueDay: 'last',
    lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
    averageMonthlyWageFen: 100_000_000,
    minimumWageFen: 100,
    source: null,
    verified: true,
    ...over,
  };
}

/** Stores the period for TEST_CITY; employees with insuredCity TEST_CITY then get money estimates. */
export async function storeNationalDefaultPolicy(db: Db): Promise<void> {
  const p = nationalDefaultPeriod();
  await db.cityPolicy.create({
    data: {
      city: TEST_CITY, effectiveFrom: parseDay(`${p.from}-01`), baseFloorFen: p.baseFloorFen, baseCeilingFen: p.baseCeilingFen, rates: p.rates, rounding: p.rounding,
      lateFee: p.lateFee, averageMonthlyWageFen: p.averageMonthlyWageFen, minimumWageFen: p.minimumWageFen, sourceUrl: 'https://example.gov.cn/', verified: true,
    },
  });
}
