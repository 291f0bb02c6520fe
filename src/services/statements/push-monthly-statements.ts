// Pushes the month's contribution statement to every employee with contributions that month
// (社会保险法 第六十条), as a chat text with the link to the H5 statement, through the outbox. One
// StatementNotice per employee and month and one dedupe key per platform make it exactly once,
// however often the month is imported or the job runs. Bounded batches, each its own transaction.
import type { ServiceDeps } from '../deps.ts';
import { statementDedupeKey, statementMessage } from './statement-message.ts';

const BATCH = 200;

export interface PushSummary {
  month: string;
  queued: number;
}

/**
 * @example await pushMonthlyStatements(deps, { month: '2026-11' }) // → { month: '2026-11', queued: 57 }
 */
export async function pushMonthlyStatements(deps: ServiceDeps, o: { month: string }): Promise<PushSummary> {
  let queued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Employees with contributions that month, a chat account, and no statement yet (keyset paging).
    const batch = await deps.db.$queryRaw<{ employeeId: string; name: string; employerFen: bigint; employeeFen: bigint }[]>`
      SELECT c."employeeId", e."name", SUM(c."employerFen") AS "employerFen", SUM(c."employeeFen") AS "employeeFen"
      FROM "ContributionRecord" c JOIN "Employee" e ON e."id" = c."employeeId"
      WHERE c."month" = ${o.month} AND c."employeeId" > ${after}::uuid
        AND EXISTS (SELECT 1 FROM "PlatformIdentity" p WHERE p."employeeId" = c."employeeId" AND p."platform"::text = ANY(${deps.chatPlatforms}::text[]))
        AND NOT EXISTS (SELECT 1 FROM "StatementNotice" s WHERE s."employeeId" = c."employeeId" AND s."month" = ${o.month})
      GROUP BY c."employeeId", e."name" ORDER BY c."employeeId" LIMIT ${BATCH}`;
    if (batch.length === 0) break;
    after = batch.at(-1)!.employeeId;
    const link = `${deps.publicBaseUrl}/app/statement?month=${o.month}`;
    queued += await deps.db.$transaction(async (tx) => {
      const identities = await tx.platformIdentity.findMany({ where: { employeeId: { in: batch.map((b) => b.employeeId) }, platform: { in: deps.chatPlatforms } }, select: { employeeId: true, platform: true, userId: true } });
      const { count } = await tx.statementNotice.createMany({ data: batch.map((b) => ({ employeeId: b.employeeId, month: o.month, queuedAt: deps.now() })), skipDuplicates: true });
      for (const b of batch) {
        const text = statementMessage({ name: b.name, month: o.month, employerFen: Number(b.employerFen), employeeFen: Number(b.employeeFen), link });
        for (const i of identities.filter((x) => x.employeeId === b.employeeId)) {
          await deps.outbox.enqueue(tx, { dedupeKey: statementDedupeKey(b.employeeId, o.month, i.platform), platform: i.platform, recipients: [i.userId], payload: { kind: 'text', text } });
        }
      }
      return count;
    });
    if (batch.length < BATCH) break;
  }
  return { month: o.month, queued };
}
