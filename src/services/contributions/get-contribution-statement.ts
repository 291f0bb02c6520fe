import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ContributionStatement } from '../../domain/views/statement.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { statementMonths, sumShares } from './statement-view.ts';

export const STATEMENT_BASIS = '《社会保险法》第六十条：用人单位应当按月将缴纳社会保险费的明细情况告知本人';

/**
 * The contributions paid for one employee over the last `months` months (current month in
 * BUSINESS_TZ included), by month and insurance type. Employees may read only their own;
 * HR and finance anyone's.
 *
 * @example
 *   const s = await getContributionStatement(deps, { actor, employeeId: actor.id, months: 12 });
 */
export async function getContributionStatement(deps: ServiceDeps, opts: { actor: Actor; employeeId: string; months: number }): Promise<ContributionStatement> {
  const scope = authorize(opts.actor, 'contribution.read');
  if (scope !== 'all' && opts.actor.id !== opts.employeeId) throw new AppError('forbidden', '只能查看本人的社保缴费明细');
  const employee = await deps.db.employee.findUnique({ where: { id: opts.employeeId }, select: { id: true, employeeNo: true, name: true } });
  if (!employee) throw new AppError('not_found', '找不到这位员工，可能已被删除；请从名单中重新打开');
  const to = dayIn(deps.businessTz, deps.now()).slice(0, 7);
  const from = shiftMonth(to, 1 - opts.months);
  const rows = await deps.db.contributionRecord.findMany({
    where: { employeeId: employee.id, month: { gte: from, lte: to } },
    select: { month: true, insuranceType: true, baseFen: true, employerFen: true, employeeFen: true, city: true, payerEntity: true },
  });
  const months = statementMonths(rows);
  return { employee, from, to, months, totals: sumShares(months), basis: STATEMENT_BASIS };
}

/** '2026-01' shifted by n months. */
export function shiftMonth(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
