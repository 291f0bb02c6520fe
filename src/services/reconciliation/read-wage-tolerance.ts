// How far a contribution base may differ from the recorded wage before it is a mismatch. Bases
// are usually last year's average wage, so a small drift is normal; the company sets the limit.
import type { Db } from '../../db/client.ts';

export const WAGE_TOLERANCE_KEY = 'reconciliation.wageTolerancePercent';
export const DEFAULT_WAGE_TOLERANCE_PERCENT = 5;

/** The tolerance in percent (AppMeta `reconciliation.wageTolerancePercent`, default 5). */
export async function readWageTolerance(db: Db): Promise<number> {
  const row = await db.appMeta.findUnique({ where: { key: WAGE_TOLERANCE_KEY } });
  const value = row ? Number(row.value) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_WAGE_TOLERANCE_PERCENT;
}
