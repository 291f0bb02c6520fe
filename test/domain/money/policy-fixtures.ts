// Policy periods for the calculator's table tests: pension 16 % + 8 % only, so each figure can be checked by hand.
import type { PolicyPeriod } from '../../../src/domain/policy/policy-period.ts';
import { nationalDefaultPeriod } from '../../helpers/national-default-policy.ts';

export function period(over: Partial<PolicyPeriod> = {}): PolicyPeriod {
  return nationalDefaultPeriod({
    id: 'p-test', city: '示例市', baseFloorFen: 100_000, baseCeilingFen: 10_000_000,
    rates: { pension: { employer: '0.16', employee: '0.08' } }, averageMonthlyWageFen: 1_243_400, minimumWageFen: 274_000,
    ...over,
  });
}
