// The money at stake for one employee's waiver, computed on the insured city's policy library;
// without a wage, an insured city or a policy for every month there is nothing honest to show.
import type { Db } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { waiverRisk, type WaiverRisk } from '../../domain/exceptions/waiver-risk.ts';
import { loadCityPolicies } from '../policies/load-city-policies.ts';

export interface RiskSubject {
  startDate: Date;
  monthlyWageFen: number | null;
  insuredCity: string | null;
}

/**
 * @example
 *   const risk = await estimateWaiverRisk(deps.db, employee, '2026-11-20'); // null when no wage, city or policy is recorded
 */
export async function estimateWaiverRisk(db: Db, e: RiskSubject, asOf: string): Promise<WaiverRisk | null> {
  if (e.monthlyWageFen === null || !e.insuredCity) return null;
  return waiverRisk({
    // Back-pay runs from the first day of work; a restarted clock does not forgive earlier months.
    clockStart: formatDay(e.startDate) as string,
    asOf,
    monthlyWageFen: e.monthlyWageFen,
    city: e.insuredCity,
    periods: await loadCityPolicies(db, e.insuredCity),
  });
}
