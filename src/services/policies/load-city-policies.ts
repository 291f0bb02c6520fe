// The calculator-ready periods of one city, oldest first.
import type { Db, Tx } from '../../db/client.ts';
import type { PolicyPeriod } from '../../domain/policy/policy-period.ts';
import { periodFromRow } from './policy-rows.ts';

/** @example const periods = await loadCityPolicies(deps.db, '上海'); // [] for a city without a library entry */
export async function loadCityPolicies(db: Db | Tx, city: string): Promise<PolicyPeriod[]> {
  const rows = await db.cityPolicy.findMany({ where: { city }, orderBy: { effectiveFrom: 'asc' } });
  return rows.map(periodFromRow).filter((p): p is PolicyPeriod => p !== null);
}
