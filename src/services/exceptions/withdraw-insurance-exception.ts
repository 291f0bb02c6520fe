// The employee takes their own request back. A waiver's remediation task stays open: enrolment
// was owed all along (社会保险法 第五十八条), the request never changed that. A request already
// with the HR manager is withdrawn through its approval first (by HR, who submitted it), which
// returns it to DRAFT; the approval engine lets only the submitter withdraw an approval.
import type { Actor } from '../../domain/actor.ts';
import { exceptionStatusLabels, WITHDRAWABLE_STATUSES } from '../../domain/exceptions/exception-status.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';

/**
 * @example
 *   await withdrawInsuranceException(deps, { actor: employee, exceptionId }) // → status 'WITHDRAWN'
 */
export async function withdrawInsuranceException(deps: ServiceDeps, opts: { actor: Actor; exceptionId: string }): Promise<InsuranceException> {
  authorize(opts.actor, 'exception.request');
  return deps.db.$transaction(async (tx) => {
    const e = await tx.insuranceException.findUnique({ where: { id: opts.exceptionId } });
    if (!e || e.employeeId !== opts.actor.id) throw new AppError('not_found', `找不到你的社保例外申请 ${opts.exceptionId}`);
    if (e.status === 'SUBMITTED') throw new AppError('illegal_transition', '该申请已提交人事经理审批：请联系提交审批的人事撤回审批后再撤回申请');
    if (!WITHDRAWABLE_STATUSES.includes(e.status)) throw new AppError('illegal_transition', `该申请${exceptionStatusLabels[e.status]}，不能撤回`);
    const changed = await compareAndSet(tx.insuranceException, { id: e.id, status: e.status, version: e.version }, { status: 'WITHDRAWN' as const, version: { increment: 1 } });
    if (!changed) throw new AppError('conflict', '该申请刚被其他操作更改，请刷新后重试');
    await writeAuditEvent(tx, opts.actor, {
      type: 'exception.withdrawn', data: { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory, from: e.status },
    }, { type: 'insurance_exception', id: e.id });
    return tx.insuranceException.findUniqueOrThrow({ where: { id: e.id } });
  });
}
