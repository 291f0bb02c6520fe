// The employee takes their own request back, in any state before HR's decision. A request already
// with the HR manager withdraws its running approval too (its cards show 已撤回), in the same
// transaction; HR's request card is closed. A waiver's remediation task stays open: enrolment was
// owed all along (社会保险法 第五十八条), the request never changed that. Only the requester may do
// this: HR takes a submitted request back by withdrawing the approval (it returns to DRAFT).
import type { Actor } from '../../domain/actor.ts';
import { exceptionStatusLabels, WITHDRAWABLE_STATUSES } from '../../domain/exceptions/exception-status.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { lockApproval } from '../approvals/lock-approval.ts';
import { withdrawLockedApproval } from '../approvals/withdraw-approval.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExceptionCards } from './close-exception-cards.ts';

export const EXCEPTION_WITHDRAWN = 'exception.withdrawn';

/**
 * @example
 *   await withdrawInsuranceException(deps, { actor: employee, exceptionId }) // → status 'WITHDRAWN' (its approval too, if submitted)
 */
export async function withdrawInsuranceException(deps: ServiceDeps, opts: { actor: Actor; exceptionId: string }): Promise<InsuranceException> {
  authorize(opts.actor, 'exception.request');
  if (opts.actor.kind !== 'employee') throw new AppError('forbidden', '社保例外申请只能由申请人本人登录后撤回');
  return deps.db.$transaction(async (tx) => {
    const found = await tx.insuranceException.findUnique({ where: { id: opts.exceptionId }, select: { employeeId: true, approvalId: true } });
    if (!found) throw new AppError('not_found', '找不到这条社保例外申请，可能已撤回或链接有误；请在「社保例外」列表中重新打开');
    if (found.employeeId !== opts.actor.id) {
      throw new AppError('forbidden', '只能撤回本人的社保例外申请；已提交审批的申请，人事可在审批中撤回');
    }
    // The approval's lock first, as deciding does, then the exception as it is now.
    const approval = found.approvalId ? await lockApproval(tx, found.approvalId) : undefined;
    const e = await tx.insuranceException.findUniqueOrThrow({ where: { id: opts.exceptionId } });
    if (!WITHDRAWABLE_STATUSES.includes(e.status)) throw new AppError('illegal_transition', `该申请${exceptionStatusLabels[e.status]}，不能撤回`);
    const changed = await compareAndSet(tx.insuranceException, { id: e.id, status: e.status, version: e.version }, { status: 'WITHDRAWN' as const, version: { increment: 1 } });
    if (!changed) throw new AppError('conflict', '该申请刚被其他操作更改，请刷新后重试');
    // Already WITHDRAWN here, so the approval's onWithdrawn hook leaves the request alone.
    if (e.status === 'SUBMITTED' && approval) await withdrawLockedApproval(deps, tx, { approval, actor: opts.actor });
    const cardsClosed = await closeExceptionCards(deps, tx, { exceptionId: e.id, types: ['exception.request'], actor: opts.actor, decision: EXCEPTION_WITHDRAWN, label: '员工已撤回申请' });
    await writeAuditEvent(tx, opts.actor, {
      type: 'exception.withdrawn',
      data: { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory, from: e.status, ...(e.status === 'SUBMITTED' && e.approvalId && { approvalId: e.approvalId }), cardsClosed },
    }, { type: 'insurance_exception', id: e.id });
    return tx.insuranceException.findUniqueOrThrow({ where: { id: e.id } });
  });
}
