// CityPolicy rows ↔ policy periods. The JSON columns (rates, lateFee) have one parser, the file
// schema's, used on every read: a row that does not parse (bases recorded before the policy
// library) is not a period the calculator may use.
import { parseDay } from '../../domain/dates.ts';
import { lastDayOf } from '../../domain/money/months.ts';
import { policyPeriodSchema, type PolicyPeriodInput } from '../../domain/policy/policy-file-schema.ts';
import type { PolicyPeriod } from '../../domain/policy/policy-period.ts';
import type { CityPolicy, Prisma } from '../../generated/prisma/client.ts';

/** The row as a period, or null when it lacks the calculator's fields. */
export function periodFromRow(row: CityPolicy): PolicyPeriod | null {
  const parsed = policyPeriodSchema.safeParse({
    from: row.effectiveFrom.toISOString().slice(0, 7),
    to: row.effectiveTo ? row.effectiveTo.toISOString().slice(0, 7) : null,
    baseFloorFen: row.baseFloorFen,
    baseCeilingFen: row.baseCeilingFen,
    rates: row.rates,
    rounding: row.rounding,
    dueDay: row.dueDay ?? 'last',
    lateFee: row.lateFee,
    averageMonthlyWageFen: row.averageMonthlyWageFen,
    minimumWageFen: row.minimumWageFen,
    source: row.sourceUrl,
    verified: row.verified,
  });
  return parsed.success ? { ...parsed.data, id: row.id, city: row.city } : null;
}

/** The columns a file period writes (cutoffDay, set elsewhere, is left alone). */
export function rowData(p: PolicyPeriodInput, cityCode: string) {
  return {
    cityCode,
    effectiveTo: p.to === null ? null : parseDay(lastDayOf(p.to)),
    baseFloorFen: p.baseFloorFen,
    baseCeilingFen: p.baseCeilingFen,
    rates: p.rates as Prisma.InputJsonObject,
    rounding: p.rounding,
    dueDay: p.dueDay === 'last' ? null : p.dueDay,
    lateFee: p.lateFee as Prisma.InputJsonObject,
    averageMonthlyWageFen: p.averageMonthlyWageFen,
    minimumWageFen: p.minimumWageFen,
    sourceUrl: p.source ?? null,
    verified: p.verified,
  };
}

/** The period as the file writes it, for comparing an import with what is stored. */
export function periodAsFile(p: PolicyPeriod): PolicyPeriodInput {
  const { id: _id, city: _city, ...rest } = p;
  return { ...rest, source: rest.source ?? null };
}
