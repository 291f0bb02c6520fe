// The policy library as HR and finance read it: every calculator-ready period, by city and month.
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import type { PolicyPeriod } from '../../domain/policy/policy-period.ts';
import type { ServiceDeps } from '../deps.ts';
import { periodFromRow } from './policy-rows.ts';

export interface CityPolicies {
  city: string;
  cityCode: string | null;
  periods: PolicyPeriod[];
}

/** @example await listPolicies(deps, { actor, city: '上海' }) // [{ city: '上海', cityCode: '310000', periods: [...] }] */
export async function listPolicies(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; city?: string }): Promise<CityPolicies[]> {
  authorize(o.actor, 'policy.read');
  const rows = await deps.db.cityPolicy.findMany({ where: o.city ? { city: o.city } : {}, orderBy: [{ city: 'asc' }, { effectiveFrom: 'asc' }] });
  const byCity = new Map<string, CityPolicies>();
  for (const row of rows) {
    const period = periodFromRow(row);
    if (!period) continue;
    const entry = byCity.get(row.city) ?? { city: row.city, cityCode: row.cityCode, periods: [] };
    entry.periods.push(period);
    byCity.set(row.city, entry);
  }
  return [...byCity.values()];
}
