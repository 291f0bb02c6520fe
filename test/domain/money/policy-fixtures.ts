// Policy periods for the calculator's table tests (made-up cities; figures chosen to be checked by hand).
import type { PolicyPeriod } from '../../../src/domain/policy/policy-period.ts';

export function period(over: Partial<PolicyPeriod> = {}): PolicyPeriod {
  return {
    id: 'p-test',
    city: '示例市',
    from: '2000-01',
    to: null,
    baseFloorFen: 100_000,
    baseCeilingFen: 10_000_000,
    rates: { pension: { employer: '0.16', employee: '0.08' } },
    rounding: 'fen',
    dueDay: 'last',
    lateFee: { method: 'daily', dailyRate: '0.0005', on: 'total' },
    averageMonthlyWageFen: 1_243_400,
    minimumWageFen: 274_000,
    source: null,
    verified: true,
    ...over,
  };
}
