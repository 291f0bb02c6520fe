// The statement push normally follows the contribution import (push-imported-statements.ts). If the
// server went down before it finished, the monthly contributions job finishes it: each recent month
// (the job's month and the two before, as on import) is pushed again, and only the statements not
// yet queued go out — the StatementNotice per employee and month keeps it once each
// (社会保险法 第六十条).
import { shiftMonth } from '../contributions/get-contribution-statement.ts';
import type { ServiceDeps } from '../deps.ts';
import { RECENT_MONTHS } from './push-imported-statements.ts';
import { pushMonthlyStatements } from './push-monthly-statements.ts';

/** @example await pushMissedStatements(deps, { asOf: '2026-12-05' }) // → { from: '2026-10', to: '2026-12', queued: 0 } */
export async function pushMissedStatements(deps: ServiceDeps, o: { asOf: string }): Promise<{ from: string; to: string; queued: number }> {
  const to = o.asOf.slice(0, 7);
  const from = shiftMonth(to, 1 - RECENT_MONTHS);
  let queued = 0;
  for (let month = from; month <= to; month = shiftMonth(month, 1)) queued += (await pushMonthlyStatements(deps, { month })).queued;
  return { from, to, queued };
}
