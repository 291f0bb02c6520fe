// The amount of each back-pay event, from the city policy library and the roster's wage, with the
// calculator the money pages use (domain/money/back-pay.ts: contributions of each late month plus
// the late fee to the enrolment day, 社会保险法 第八十六条). Policies are loaded once for all the
// events' cities. An event without a wage, a city or a policy for its months stays unpriced and is
// counted as such, never guessed.
import type { Db } from '../../db/client.ts';
import { backPay, MissingPolicyError } from '../../domain/money/back-pay.ts';
import type { PolicyPeriod } from '../../domain/policy/policy-period.ts';
import { periodFromRow } from '../policies/policy-rows.ts';
import type { BackPayEventRow } from './find-back-pay-events.ts';

export interface BackPayAmounts {
  /** Per department bucket: contributions and late fees of the priced events, in fen. */
  fenByBucket: Record<string, number>;
  /** Events that could not be priced (no wage, city or policy). */
  unpriced: number;
}

/** @example await priceBackPayEvents(db, events).fenByBucket[departmentId] // 123456 */
export async function priceBackPayEvents(db: Db, events: BackPayEventRow[]): Promise<BackPayAmounts> {
  const cities = [...new Set(events.map((e) => e.city).filter((c): c is string => c !== null))];
  const rows = cities.length ? await db.cityPolicy.findMany({ where: { city: { in: cities } }, orderBy: { effectiveFrom: 'asc' } }) : [];
  const periods = new Map<string, PolicyPeriod[]>();
  for (const row of rows) {
    const p = periodFromRow(row);
    if (p) periods.set(row.city, [...(periods.get(row.city) ?? []), p]);
  }
  const out: BackPayAmounts = { fenByBucket: {}, unpriced: 0 };
  for (const e of events) {
    const cityPeriods = e.city ? periods.get(e.city) : undefined;
    if (!e.city || e.wageFen === null || !cityPeriods) {
      out.unpriced += 1;
      continue;
    }
    try {
      const total = backPay({ city: e.city, periods: cityPeriods, wageFen: e.wageFen, from: e.fromMonth, to: e.toMonth, payOn: e.enrolledOn }).totals.grandTotalFen;
      out.fenByBucket[e.bucket] = (out.fenByBucket[e.bucket] ?? 0) + total;
    } catch (error) {
      if (!(error instanceof MissingPolicyError)) throw error;
      out.unpriced += 1;
    }
  }
  return out;
}
