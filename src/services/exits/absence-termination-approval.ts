// The 'absence-termination' approval flow: one step, any HR manager, 24 h, then the admins.
// Approved → terminateAbsentEmployee; rejected → the case goes back to HR (UNION_NOTIFIED) with a
// note and a fresh prompt, so HR can correct and resubmit or register the return. Approving a
// termination of an employee who never acknowledged the attendance rule needs the approver's
// explicit confirmation (劳动合同法 第四条). The approval recounts the absence again: if it no
// longer counts, the approval is refused, withdrawn and the case closed (guard-counted-absence.ts).
import { buildExitNextStepCard } from '../../../cards/exit-notice-cards.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ApprovalDefinition } from '../../domain/approvals/approval-definition.ts';
import { lockApproval } from '../approvals/lock-approval.ts';
import { withdrawLockedApproval } from '../approvals/withdraw-approval.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { closeCaseOnAbsenceRefusal } from './guard-counted-absence.ts';
import { exitCaseUrl, loadExitEmployee } from './exit-facts.ts';
import { lockExitProcess, moveExitProcess } from './lock-exit-process.ts';
import { queueExitCard } from './queue-exit-card.ts';
import { terminationRuleWarning } from './termination-rule-warning.ts';
import { terminateAbsentEmployee } from './terminate-absent-employee.ts';

export const absenceTerminationApproval: ApprovalDefinition<ServiceDeps> = {
  name: 'absence-termination',
  subjectType: 'exit_process',
  steps: [{ name: '人事经理审批解除劳动合同', approvers: { kind: 'role', role: 'HR_MANAGER' }, mode: 'any', slaHours: 24, escalateTo: [{ kind: 'role', role: 'ADMIN' }] }],
  approvalWarning: ({ db, approval }) => terminationRuleWarning(db, approval.subjectEmployeeId),
  async onApproved({ tx, deps, approval, actor }) {
    await terminateAbsentEmployee(deps, tx, { processId: approval.subjectId, approvalId: approval.id, actor });
  },
  // The recount refused the approval (a clock-in or approved leave since the request): the
  // approval is withdrawn and the case closes as returned, then the approver sees why.
  async onDecisionRefused({ deps, approval, error }) {
    await closeCaseOnAbsenceRefusal(deps, {
      processId: approval.subjectId, error,
      before: async (tx, actor) => withdrawLockedApproval(deps, tx, { approval: await lockApproval(tx, approval.id), actor }),
    });
  },
  async onWithdrawn({ tx, approval }) {
    const p = await lockExitProcess(tx, approval.subjectId);
    if (p.state === 'TERMINATION_APPROVAL' && p.approvalId === approval.id) await moveExitProcess(tx, p, 'UNION_NOTIFIED', { approvalId: null, note: '解除审批已撤回' });
  },
  async onRejected({ tx, deps, approval, actor }) {
    const p = await lockExitProcess(tx, approval.subjectId);
    if (p.state !== 'TERMINATION_APPROVAL') return;
    await moveExitProcess(tx, p, 'UNION_NOTIFIED', { approvalId: null, note: `解除审批被 ${actor.name} 驳回，请核实后重新提交或登记返岗` });
    await writeAuditEvent(tx, actor, { type: 'exit.termination_rejected', data: { processId: p.id, approvalId: approval.id } }, { type: 'exit_process', id: p.id });
    const employee = await loadExitEmployee(tx, p.employeeId);
    await queueExitCard(deps, tx, {
      actor, subjectType: 'exit_process', subjectId: p.id, employeeId: p.employeeId, stage: `reapproval-${approval.id.slice(0, 8)}`, audience: { kind: 'hr' },
      build: (key) => buildExitNextStepCard({ employee, step: 'approval', facts: [{ label: '上次审批', value: `被 ${actor.name} 驳回` }], key, h5Url: exitCaseUrl(deps.publicBaseUrl, p.id) }),
    });
  },
};
