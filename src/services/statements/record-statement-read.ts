// The employee opened their statement for a month in the H5: the first opening of a pushed
// statement is recorded and ledgered (社会保险法 第六十条: proof the employee was told). Later
// openings change nothing.
import type { Actor } from '../../domain/actor.ts';
import { AppError } from '../../errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { sealTreeHead } from '../evidence/seal-tree-head.ts';
import { compareAndSet } from '../compare-and-set.ts';
import { ledgerStatementEvent } from './ledger-statement-event.ts';

/**
 * @example await recordStatementRead(deps, { actor, month: '2026-11' }) // → { firstRead: true }
 */
export async function recordStatementRead(deps: ServiceDeps, o: { actor: Actor; month: string }): Promise<{ firstRead: boolean }> {
  if (o.actor.kind !== 'employee') throw new AppError('forbidden', '缴费明细只对员工本人开放，请以员工身份登录');
  const employeeId = o.actor.id;
  const now = deps.now();
  const firstRead = await deps.db.$transaction(async (tx) => {
    const notice = await tx.statementNotice.findUnique({ where: { employeeId_month: { employeeId, month: o.month } }, select: { id: true } });
    if (!notice) return false;
    if (!(await compareAndSet(tx.statementNotice, { id: notice.id, readAt: null }, { readAt: now }))) return false;
    await ledgerStatementEvent(tx, o.actor, { type: 'statement.read', data: { employeeId, month: o.month } }, now);
    return true;
  });
  if (firstRead) await sealTreeHead(deps).catch(() => undefined);
  return { firstRead };
}
