// After a contribution import: push the statement of each month the file holds that is recent
// (this month or the two before, in BUSINESS_TZ). A back-filled history of older months is data,
// not news, and would flood the employees' chats. A push cut short (an outage right after the
// commit) is finished by importing the month again: the records are unchanged, and only the
// statements not yet queued are sent.
import { dayIn } from '../../domain/dates.ts';
import { shiftMonth } from '../contributions/get-contribution-statement.ts';
import type { ServiceDeps } from '../deps.ts';
import { pushMonthlyStatements } from './push-monthly-statements.ts';

export const RECENT_MONTHS = 3;

/** @example await pushImportedStatements(deps, ['2026-10', '2026-11']) */
export async function pushImportedStatements(deps: ServiceDeps, months: readonly string[]): Promise<number> {
  const current = dayIn(deps.businessTz, deps.now()).slice(0, 7);
  const oldest = shiftMonth(current, 1 - RECENT_MONTHS);
  let queued = 0;
  for (const month of months.filter((m) => m >= oldest && m <= current)) queued += (await pushMonthlyStatements(deps, { month })).queued;
  return queued;
}
