// Bases below the city floor, bases that do not match the wage, and payers that are not the
// contract entity. City floors and ceilings are data (CityPolicy, with a source URL), never code.
import type { Db } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import type { Mismatch } from './reconciliation-kinds.ts';
import type { MonthBounds } from './reconciliation-month.ts';

type Row = { employeeId: string; details: Record<string, unknown> };

/** The month's records with the policy in force on the 1st for the record's (or employee's) city. */
const withPolicy = (m: MonthBounds) => Prisma.sql`
  WITH rec AS (
    SELECT c."employeeId", c."insuranceType"::text AS type, c."baseFen" AS base, e."monthlyWageFen" AS wage,
           coalesce(c.city, e."insuredCity") AS city, p."baseFloorFen" AS floor, p."baseCeilingFen" AS ceiling,
           p."sourceUrl" AS source
    FROM "ContributionRecord" c
    JOIN "Employee" e ON e.id = c."employeeId"
    LEFT JOIN LATERAL (
      SELECT * FROM "CityPolicy" cp
      WHERE cp.city = coalesce(c.city, e."insuredCity") AND cp."effectiveFrom" <= ${m.start}::date
        AND (cp."effectiveTo" IS NULL OR cp."effectiveTo" >= ${m.start}::date)
      ORDER BY cp."effectiveFrom" DESC LIMIT 1) p ON true
    WHERE c.month = ${m.month})`;

/** Contributions on a base below the floor are short-paid (Art. 60, late fees under Art. 86). */
async function baseBelowFloor(db: Db, m: MonthBounds): Promise<Row[]> {
  return db.$queryRaw<Row[]>`${withPolicy(m)}
    SELECT "employeeId", jsonb_build_object('city', min(city), 'floorFen', min(floor), 'sourceUrl', min(source),
             'records', jsonb_agg(jsonb_build_object('insuranceType', type, 'baseFen', base) ORDER BY type)) AS details
    FROM rec WHERE base < floor GROUP BY "employeeId"`;
}

/** Base differs from the wage (clamped to floor/ceiling when the city has a policy) by more than the tolerance. */
async function baseMismatchWage(db: Db, m: MonthBounds, tolerancePercent: number): Promise<Row[]> {
  return db.$queryRaw<Row[]>`${withPolicy(m)}, cmp AS (
      SELECT *, CASE WHEN floor IS NULL THEN wage ELSE least(greatest(wage, floor), ceiling) END AS expected FROM rec
      WHERE wage IS NOT NULL AND (floor IS NULL OR base >= floor))
    SELECT "employeeId", jsonb_build_object('wageFen', min(wage), 'expectedBaseFen', min(expected),
             'tolerancePercent', ${tolerancePercent}::numeric,
             'records', jsonb_agg(jsonb_build_object('insuranceType', type, 'baseFen', base) ORDER BY type)) AS details
    FROM cmp WHERE abs(base - expected) * 100 > expected * ${tolerancePercent}::numeric
    GROUP BY "employeeId"`;
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
  const below = await baseBelowFloor(db, m);
  const wage = await baseMismatchWage(db, m, tolerancePercent);
  const entity = await entityMismatch(db, m);
  return [
    ...below.map((r) => ({ kind: 'base_below_floor' as const, ...r })),
    ...wage.map((r) => ({ kind: 'base_mismatch_wage' as const, ...r })),
    ...entity.map((r) => ({ kind: 'entity_mismatch' as const, ...r })),
  ];
}
