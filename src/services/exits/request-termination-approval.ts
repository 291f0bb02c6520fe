// After both return deadlines passed, the union was notified and the company answered its opinion
// in writing (劳动合同法 第四十三条), HR submits the termination to the HR manager through the
// approval engine ('absence-termination'). Without the employee's acknowledgement of the
// attendance rule (第四条) the summary leads with a red warning the approver must confirm.
import { EXIT_REQUEST_TERMINATION } from '../../../cards/action-ids.ts';
import { EXIT_NEXT_STEP_CARD } from '../../../cards/exit-notice-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay } from '../../domain/dates.ts';
import { exitStateLabels } from '../../domain/exits/exit-states.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { startApproval } from '../approvals/start-approval.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { rememberClick, type ClickReceipt } from '../cards/remember-response-code.ts';
import type { ServiceDeps } from '../deps.ts';
import { closeExitCards } from './close-exit-cards.ts';
import { absenceSummary, loadExitEmployee } from './exit-facts.ts';
import { closeCaseWhenAbsenceEnded, requireCountedExitAbsence } from './guard-counted-absence.ts';
import { lockExitCaseForHr, moveExitProcess } from './lock-exit-process.ts';
import { terminationRuleWarning } from './termination-rule-warning.ts';

export const ABSENCE_TERMINATION = 'absence-termination';

/**
 * @example const { approvalId } = await requestTerminationApproval(deps, { processId, actor });
 */
export async function requestTerminationApproval(deps: ServiceDeps, o: { processId: string; actor: Actor; click?: ClickReceipt }): Promise<{ approvalId: string; text: string }> {
  authorize(o.actor, 'exit.manage');
  return closeCaseWhenAbsenceEnded(deps, o.processId, () => deps.db.$transaction(async (tx) => {
    const p = await lockExitCaseForHr(tx, o.processId, o.actor);
    await rememberClick(tx, o.click);
    if (p.state === 'TERMINATION_APPROVAL' && p.approvalId) return { approvalId: p.approvalId, text: '解除审批已提交，等待人事经理审批' };
    if (p.state !== 'UNION_NOTIFIED') throw new AppError('conflict', `该流程当前为「${exitStateLabels[p.state] ?? p.state}」，须先发出两次返岗通知并登记工会意见（《劳动合同法》第四十三条）`);
    const days = await requireCountedExitAbsence(deps, tx, p);
    const employee = await loadExitEmployee(tx, p.employeeId);
    const steps = await tx.exitStep.findMany({ where: { processId: p.id }, orderBy: { createdAt: 'asc' } });
    const notices = steps.filter((s) => s.kind.startsWith('return_notice') && s.sentAt).map((s) => `${dayIn(deps.businessTz, s.sentAt as Date)}（期限 ${formatDay(s.deadline)}）`);
    const union = steps.find((s) => s.kind === 'union_notification');
    if (!union?.companyAnsweredOn) throw new AppError('conflict', '请先登记公司对工会意见的书面答复（《劳动合同法》第四十三条），再提交解除审批');
    const warning = await terminationRuleWarning(tx, p.employeeId);
    const { approvalId } = await startApproval(deps, tx, {
      definition: ABSENCE_TERMINATION, subjectType: 'exit_process', subjectId: p.id, subjectEmployeeId: p.employeeId,
      title: `解除劳动合同审批：${employee.name}（旷工，第三十九条第（二）项）`,
      // Four rows fit a card: the warning takes the 员工 row's place (the name is in the title).
      summary: [
        warning ? { label: '风险提示', value: `⚠️ ${warning}`, tone: 'danger' as const } : { label: '员工', value: `${employee.name}（${employee.department}）` },
        { label: '旷工', value: absenceSummary(days, days.length) },
        { label: '返岗通知', value: notices.join('；') || '—' },
        { label: '工会意见', value: `${formatDay(union.notifiedOn)}${union.notifiedBody ? `（${union.notifiedBody}）` : ''}：${union.unionReply ?? ''}；公司 ${formatDay(union.companyAnsweredOn)} 书面答复` },
      ],
      submitter: o.actor,
    });
    await moveExitProcess(tx, p, 'TERMINATION_APPROVAL', { approvalId, note: null });
    await writeAuditEvent(tx, o.actor, { type: 'exit.termination_requested', data: { processId: p.id, approvalId } }, { type: 'exit_process', id: p.id });
    await closeExitCards(deps, tx, { subjectId: p.id, types: [EXIT_NEXT_STEP_CARD], actor: o.actor, actionId: EXIT_REQUEST_TERMINATION, label: '已提交解除审批' });
    return { approvalId, text: `已提交「解除劳动合同审批：${employee.name}」，等待人事经理审批` };
  }));
}
