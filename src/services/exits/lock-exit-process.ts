// Every change to an exit case runs under a per-case advisory lock, so a card click, a REST call
// and the daily job cannot interleave their steps; the state is then re-read under the lock.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { AppError } from '../../errors.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { compareAndSet } from '../compare-and-set.ts';

/**
 * @example const process = await lockExitProcess(tx, id);
 */
export async function lockExitProcess(tx: Tx, id: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`exit-process:${id}`}, 0))`;
  const process = await tx.exitProcess.findUnique({ where: { id } });
  if (!process) throw new AppError('not_found', '找不到这个离职流程，或你无权查看；请在「离职管理」中重新打开');
  return process;
}

/**
 * lockExitProcess for HR's steps (notices, union, approval request, acceptance, certificate):
 * the leaver never runs their own case, even when they are HR (four-eyes).
 *
 * @example const process = await lockExitCaseForHr(tx, id, actor);
 */
export async function lockExitCaseForHr(tx: Tx, id: string, actor: Actor) {
  const process = await lockExitProcess(tx, id);
  refuseOwnCase(actor, process.employeeId, '这个离职流程');
  return process;
}

/** Moves the case from the state it was read in to `to` (compareAndSet on state and version), or throws a conflict. */
export async function moveExitProcess(tx: Tx, p: { id: string; state: string; version: number }, to: string, data: Prisma.ExitProcessUpdateManyMutationInput = {}): Promise<void> {
  if (!(await compareAndSet(tx.exitProcess, { id: p.id, state: p.state, version: p.version }, { ...data, state: to, version: { increment: 1 } }))) {
    throw new AppError('conflict', '离职流程已被他人更新，请刷新后重试');
  }
}
