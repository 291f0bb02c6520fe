// Wage and contribution rows (ContributionRecord: the contribution base is the wage it was paid
// on; StatementNotice: when each monthly statement was pushed and read) of employees who left more
// than `wageRecordsYearsAfterExit` years ago are deleted (个人信息保护法 第四十七条; kept at least 2
// years after exit, 工资支付暂行规定 第六条). The evidence ledger keeps its entries and hashes.
// Bounded batches; a second run finds nothing.
import type { ServiceDeps } from '../deps.ts';

const BATCH = 1000;

/** @example await deleteOldContributions(deps, { exitedBefore: '2026-01-10' }) // → 36 */
export async function deleteOldContributions(deps: Pick<ServiceDeps, 'db'>, o: { exitedBefore: string; maxBatches?: number }): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < (o.maxBatches ?? 100); i++) {
    const n = await deps.db.$executeRaw`
      DELETE FROM "ContributionRecord" WHERE "id" IN (
        SELECT c."id" FROM "ContributionRecord" c JOIN "Employee" e ON e."id" = c."employeeId"
        WHERE e."status" = 'EXITED' AND e."exitDate" < ${o.exitedBefore}::date LIMIT ${BATCH})`;
    deleted += n;
    if (n < BATCH) break;
  }
  for (let i = 0; i < (o.maxBatches ?? 100); i++) {
    const n = await deps.db.$executeRaw`
      DELETE FROM "StatementNotice" WHERE "id" IN (
        SELECT s."id" FROM "StatementNotice" s JOIN "Employee" e ON e."id" = s."employeeId"
        WHERE e."status" = 'EXITED' AND e."exitDate" < ${o.exitedBefore}::date LIMIT ${BATCH})`;
    if (n < BATCH) break;
  }
  return deleted;
}
