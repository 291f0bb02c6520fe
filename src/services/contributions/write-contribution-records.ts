import type { Tx } from '../../db/client.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { chunk } from '../import/chunk.ts';
import type { ContributionPlan } from './plan-contribution-changes.ts';

const WRITE_BATCH = 500;

/**
 * Writes the plan: new records by createMany, changed ones by UPDATE … FROM (VALUES …), 500 rows
 * a statement. A record someone else inserted meanwhile trips the unique index and rolls back.
 */
export async function writeContributionRecords(tx: Tx, plan: ContributionPlan, sourceFile: string, now: Date, onBatch: (rows: number) => void): Promise<void> {
  for (const batch of chunk(plan.creates, WRITE_BATCH)) {
    await tx.contributionRecord.createMany({ data: batch.map((c) => ({ ...c, sourceFile, importedAt: now })) });
    onBatch(batch.length);
  }
  for (const batch of chunk(plan.updates, WRITE_BATCH)) {
    await tx.$executeRaw`
      UPDATE "ContributionRecord" AS c SET
        "baseFen" = v.base, "employerFen" = v.employer, "employeeFen" = v.employee, "city" = v.city,
        "payerEntity" = v.payer, "sourceFile" = ${sourceFile}, "importedAt" = ${now.toISOString()}::timestamptz
      FROM (VALUES ${Prisma.join(batch.map((u) => Prisma.sql`(${u.id}::uuid, ${u.baseFen}::int, ${u.employerFen}::int, ${u.employeeFen}::int, ${u.city}::text, ${u.payerEntity}::text)`))})
        AS v(id, base, employer, employee, city, payer)
      WHERE c.id = v.id`;
    onBatch(batch.length);
  }
}
