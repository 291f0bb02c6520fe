// HR submits a lawful exception to the HR manager once its documents are complete: the signed
// declaration and the proofs its reason needs. A missing document refuses the submission, naming
// it, and changes nothing (PRODUCT.md §D). The approval starts in the same transaction.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { PENSIONER_AGE_CARD_NOTE } from '../../domain/retirement/pension-plausibility.ts';
import { exceptionStatusLabels, READY_TO_SUBMIT_LABEL } from '../../domain/exceptions/exception-status.ts';
import { isReasonCategory, reasonCategories } from '../../domain/exceptions/reason-categories.ts';
import { exceptionRequestNumber } from '../../domain/exceptions/request-number.ts';
import { refuseOwnCase } from '../../domain/four-eyes.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import type { InsuranceException } from '../../generated/prisma/client.ts';
import { startApproval } from '../approvals/start-approval.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { checkExceptionDocuments } from './check-exception-documents.ts';
import { INSURANCE_EXCEPTION_APPROVAL, INSURANCE_EXCEPTION_SUBJECT } from './insurance-exception-approval.ts';
import { pensionerAgeCheck } from './pensioner-age-check.ts';

/**
 * @example
 *   const { exception, approvalId } = await submitInsuranceException(deps, { actor: hrSpecialist, exceptionId });
 */
export async function submitInsuranceException(deps: ServiceDeps, opts: { actor: Actor; exceptionId: string }): Promise<{ exception: InsuranceException; approvalId: string }> {
  authorize(opts.actor, 'exception.submit');
  return deps.db.$transaction(async (tx) => {
    const e = await tx.insuranceException.findUnique({ where: { id: opts.exceptionId } });
    if (!e) throw new AppError('not_found', '找不到这条社保例外申请，可能已撤回或链接有误；请在「社保例外」列表中重新打开');
    refuseOwnCase(opts.actor, e.employeeId, '这项社保例外申请', '其他人事同事');
    if (e.status !== 'DRAFT' || !isReasonCategory(e.reasonCategory)) {
      throw new AppError('illegal_transition', `只有「${exceptionStatusLabels.DRAFT}」或「${READY_TO_SUBMIT_LABEL}」的申请可以提交审批，当前状态：${exceptionStatusLabels[e.status]}`);
    }
    const info = reasonCategories[e.reasonCategory];
    const docs = await checkExceptionDocuments(tx, e, deps.publicBaseUrl);
    const missing = docs.filter((d) => !d.present).map((d) => d.label);
    if (missing.length > 0) {
      throw new AppError('validation_failed', `无法提交：缺少必需材料${missing.map((m) => `「${m}」`).join('')}`, { missing });
    }
    const employee = await tx.employee.findUniqueOrThrow({ where: { id: e.employeeId }, include: { department: { select: { name: true } } } });
    const ageWarning = await pensionerAgeCheck(tx, e, dayIn(deps.businessTz, deps.now()));
    const { approvalId } = await startApproval(deps, tx, {
      definition: INSURANCE_EXCEPTION_APPROVAL,
      subjectType: INSURANCE_EXCEPTION_SUBJECT,
      subjectId: e.id,
      subjectEmployeeId: e.employeeId,
      title: `社保例外审批：${employee.name}（${exceptionRequestNumber(e, deps.businessTz)}）`,
      summary: [
        { label: '员工', value: `${employee.name}（${employee.department.name}）` },
        // The summary holds four rows at most: the age check rides on the reason's.
        { label: '原因', value: ageWarning ? `${info.label}（${PENSIONER_AGE_CARD_NOTE}）` : info.label },
        { label: '材料', value: docs.map((d) => `✔${d.label}`).join(' ') },
        { label: '仍须参保', value: info.owedShort },
      ],
      submitter: opts.actor,
    });
    const changed = await compareAndSet(tx.insuranceException, { id: e.id, status: 'DRAFT' as const, version: e.version }, { status: 'SUBMITTED' as const, approvalId, version: { increment: 1 } });
    if (!changed) throw new AppError('conflict', '该申请刚被其他人提交或撤回，请刷新后查看');
    await writeAuditEvent(tx, opts.actor, {
      type: 'exception.submitted', data: { exceptionId: e.id, employeeId: e.employeeId, kind: e.kind, reasonCategory: e.reasonCategory, approvalId },
    }, { type: 'insurance_exception', id: e.id });
    const exception = await tx.insuranceException.findUniqueOrThrow({ where: { id: e.id } });
    return { exception, approvalId };
  });
}
