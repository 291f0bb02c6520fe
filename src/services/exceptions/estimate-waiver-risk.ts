// The money at stake for one employee's waiver, with the insured city's base floor/ceiling when
// the company has recorded them (CityPolicy); without a wage there is nothing honest to show.
import type { Db } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { waiverRisk, type WaiverRisk } from '../../domain/exceptions/waiver-risk.ts';

export interface RiskSubject {
  startDate: Date;
  monthlyWageFen: number | null;
  insuredCity: string | null;
}

/**
 * @example
 *   const risk = await estimateWaiverRisk(deps.db, employee, '2026-11-20'); // null when no wage is recorded
 */
export async function estimateWaiverRisk(db: Db, e: RiskSubject, asOf: string): Promise<WaiverRisk | null> {
  if (e.monthlyWageFen === null) return null;
  const policies = e.insuredCity
    ? await db.cityPolicy.findMany({ where: { city: e.insuredCity }, orderBy: { effectiveFrom: 'asc' } })
    : [];
  return waiverRisk({
    // Back-pay runs from the first day of work; a restarted clock does not forgive earlier months.
    clockStart: formatDay(e.startDate) as string,
    asOf,
    monthlyWageFen: e.monthlyWageFen,
    policies: policies.map((p) => ({ from: formatDay(p.effectiveFrom) as string, to: formatDay(p.effectiveTo), floorFen: p.baseFloorFen, ceilingFen: p.baseCeilingFen })),
  });
}
