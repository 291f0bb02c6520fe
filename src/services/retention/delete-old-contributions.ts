// Wage and contribution rows (ContributionRecord: the contribution base is the wage it was paid
// on; StatementNotice: when each monthly statement was pushed and read) of employees who left more
// than `wageRecordsYearsAfterExit` years ago are deleted (个人信息保护法 第四十七条; kept at least 2
// years after exit, 工资支付暂行规定 第六条). The evidence ledger keeps its entries and hashes.
// Bounded batches; a second run finds nothing.
import type { ServiceDeps } from '../deps.ts';
import { deleteRowsOfLeavers } from './delete-rows-of-leavers.ts';

/** @example await deleteOldContributions(deps, { exitedBefore: '2026-01-10' }) // → 36 (contribution rows) */
export async function deleteOldContributions(deps: Pick<ServiceDeps, 'db'>, o: { exitedBefore: string; maxBatches?: number }): Promise<number> {
  const deleted = await deleteRowsOfLeavers(deps, { table: 'ContributionRecord', ...o });
  await deleteRowsOfLeavers(deps, { table: 'StatementNotice', ...o });
  return deleted;
}
