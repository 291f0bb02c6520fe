// Bases below the city floor, bases that do not match the wage, and payers that are not the
// contract entity. City floors and ceilings are data (CityPolicy, with a source URL), never code.
import type { Db } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Mismatch } from './reconciliation-kinds.ts';
import type { MonthBounds } from './reconciliation-month.ts';

type Row = { employeeId: string; details: Record<string, unknown> };
type BaseRow = Row & { kind: 'base_below_floor' | 'base_mismatch_wage' };

/**
 * The month's records with the policy in force on the 1st for the record's (or employee's) city:
 * each city's policy is chosen once and hash-joined (a LATERAL lookup per record cost one index
 * probe per contribution record, 4 M at 1M employees), and the records are read once for both
 * kinds below.
 */
const withPolicy = (m: MonthBounds) => Prisma.sql`
  WITH policy AS (
    SELECT DISTINCT ON (city) city, "baseFloorFen" AS floor, "baseCeilingFen" AS ceiling, "sourceUrl" AS source
    FROM "CityPolicy"
    WHERE "effectiveFrom" <= ${m.start}::date AND ("effectiveTo" IS NULL OR "effectiveTo" >= ${m.start}::date)
    ORDER BY city, "effectiveFrom" DESC),
  rec AS MATERIALIZED (
    SELECT c."employeeId", c."insuranceType"::text AS type, c."baseFen" AS base, e."monthlyWageFen" AS wage,
           coalesce(c.city, e."insuredCity") AS city, p.floor, p.ceiling, p.source
    FROM "ContributionRecord" c
    JOIN "Employee" e ON e.id = c."employeeId"
    LEFT JOIN policy p ON p.city = coalesce(c.city, e."insuredCity")
    WHERE c.month = ${m.month})`;

/**
 * Bases below the floor are short-paid (Art. 60, late fees under Art. 86); above it, a base that
 * differs from the wage (clamped to floor/ceiling when the city has a policy) by more than the
 * tolerance is a mismatch. One statement for both.
 */
async function baseBelowFloorOrWage(db: Db, m: MonthBounds, tolerancePercent: number): Promise<BaseRow[]> {
  return db.$queryRaw<BaseRow[]>`${withPolicy(m)},
    below AS (
      SELECT "employeeId", jsonb_build_object('city', min(city), 'floorFen', min(floor), 'sourceUrl', min(source),
               'records', jsonb_agg(jsonb_build_object('insuranceType', type, 'baseFen', base) ORDER BY type)) AS details
      FROM rec WHERE base < floor GROUP BY "employeeId"),
    cmp AS (
      SELECT *, CASE WHEN floor IS NULL THEN wage ELSE least(greatest(wage, floor), ceiling) END AS expected FROM rec
      WHERE wage IS NOT NULL AND (floor IS NULL OR base >= floor)),
    wage AS (
      SELECT "employeeId", jsonb_build_object('wageFen', min(wage), 'expectedBaseFen', min(expected),
               'tolerancePercent', ${tolerancePercent}::numeric,
               'records', jsonb_agg(jsonb_build_object('insuranceType', type, 'baseFen', base) ORDER BY type)) AS details
      FROM cmp WHERE abs(base - expected) * 100 > expected * ${tolerancePercent}::numeric
      GROUP BY "employeeId")
    SELECT 'base_below_floor' AS kind, "employeeId", details FROM below
    UNION ALL SELECT 'base_mismatch_wage' AS kind, "employeeId", details FROM wage`;
}

/** Paid by another legal entity than the one on the contract (Art. 58: the employer registers). */
async function entityMismatch(db: Db, m: MonthBounds): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    SELECT e.id AS "employeeId", jsonb_build_object('contractEntity', e."contractEntity",
             'payerEntities', array_agg(DISTINCT c."payerEntity" ORDER BY c."payerEntity")) AS details
    FROM "Employee" e JOIN "ContributionRecord" c ON c."employeeId" = e.id AND c.month = ${m.month}
    WHERE c."payerEntity" IS NOT NULL AND e."contractEntity" IS NOT NULL
      AND btrim(c."payerEntity") <> btrim(e."contractEntity")
    GROUP BY e.id, e."contractEntity"`;
}

export async function findBaseMismatches(db: Db, m: MonthBounds, tolerancePercent: number): Promise<Mismatch[]> {
  const bases = await baseBelowFloorOrWage(db, m, tolerancePercent);
  const entity = await entityMismatch(db, m);
  return [
    ...bases.filter((r) => r.kind === 'base_below_floor'),
    ...bases.filter((r) => r.kind === 'base_mismatch_wage'),
    ...entity.map((r) => ({ kind: 'entity_mismatch' as const, ...r })),
  ];
}
