// HR's view of the monthly statement push (社会保险法 第六十条): per month, how many employees had
// contributions, how many statements were sent, delivered and read.
import type { Actor } from '../../domain/actor.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';

export interface StatementMonthSummary {
  month: string;
  withContributions: number;
  sent: number;
  delivered: number;
  read: number;
}

/** @example await summarizeStatementNotices(deps, { actor, from: '2026-06', to: '2026-11' }) */
export async function summarizeStatementNotices(deps: ServiceDeps, o: { actor: Actor; from: string; to: string }): Promise<StatementMonthSummary[]> {
  if (authorize(o.actor, 'contribution.read') !== 'all') throw new AppError('forbidden', '只有人事和财务可以查看缴费明细推送情况');
  const rows = await deps.db.$queryRaw<{ month: string; withContributions: bigint; sent: bigint; delivered: bigint; read: bigint }[]>`
    SELECT m."month",
      (SELECT COUNT(DISTINCT c."employeeId") FROM "ContributionRecord" c WHERE c."month" = m."month") AS "withContributions",
      COUNT(s."id") AS "sent", COUNT(s."deliveredAt") AS "delivered", COUNT(s."readAt") AS "read"
    FROM (SELECT DISTINCT "month" FROM "ContributionRecord" WHERE "month" BETWEEN ${o.from} AND ${o.to}) m
    LEFT JOIN "StatementNotice" s ON s."month" = m."month"
    GROUP BY m."month" ORDER BY m."month" DESC`;
  return rows.map((r) => ({ month: r.month, withContributions: Number(r.withContributions), sent: Number(r.sent), delivered: Number(r.delivered), read: Number(r.read) }));
}
