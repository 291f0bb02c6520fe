// Every approval flow the engine knows, by name. A feature adds its definition here (one line
// importing it from its own file). Tests register their own definitions at run time.
import type { ServiceDeps } from '../deps.ts';
import type { ApprovalDefinition } from '../../domain/approvals/approval-definition.ts';
import { AppError } from '../../errors.ts';
import { insuranceExceptionApproval } from '../exceptions/insurance-exception-approval.ts';
import { absenceTerminationApproval } from '../exits/absence-termination-approval.ts';

export const approvalDefinitions: Record<string, ApprovalDefinition<ServiceDeps>> = {
  'insurance-exception': insuranceExceptionApproval,
  'absence-termination': absenceTerminationApproval,
};

/** The definition called `name`, or a clear error naming the known ones. */
export function findDefinition(name: string): ApprovalDefinition {
  const definition = Object.hasOwn(approvalDefinitions, name) ? approvalDefinitions[name] : undefined;
  if (!definition) throw new AppError('bad_request', `未知的审批流程「${name}」；已有：${Object.keys(approvalDefinitions).join('、') || '无'}`);
  return definition;
}
