// An approval flow is data in code: ordered steps, who approves each (a role, the subject's line
// manager, or a named employee), any-of / all-of, an SLA with escalation levels, and hooks that
// run inside the deciding transaction. Later flows (terminations, back-pay) add a definition to
// src/services/approvals/approval-definitions.ts and reuse the whole engine.
import type { Db, Tx } from '../../db/client.ts';
import type { Approval, Role } from '../../generated/prisma/client.ts';
import type { Actor } from '../actor.ts';

export type ApproverRule = { kind: 'role'; role: Role } | { kind: 'lineManager' } | { kind: 'user'; employeeId: string };

export interface ApprovalStepDefinition {
  name: string;
  approvers: ApproverRule;
  /** 'any': the first decision decides (或签); 'all': everyone must approve, one rejection rejects (会签). */
  mode: 'any' | 'all';
  /** Hours before the approver is reminded; at twice this the step escalates. Default 24. */
  slaHours?: number;
  /** Escalation levels 1, 2, …: who takes over the step when the previous level lets it lapse. */
  escalateTo: ApproverRule[];
}

/** `D`: the services' dependencies, passed through by the engine (the domain does not know them). */
export interface ApprovalOutcomeContext<D = unknown> {
  tx: Tx;
  deps: D;
  approval: Approval;
  actor: Actor;
}

export interface ApprovalDefinition<D = unknown> {
  name: string;
  subjectType: string;
  steps: ApprovalStepDefinition[];
  /** Run inside the transaction that decides or withdraws: a throw rolls the decision back. */
  onApproved?(ctx: ApprovalOutcomeContext<D>): Promise<void>;
  onRejected?(ctx: ApprovalOutcomeContext<D>): Promise<void>;
  onWithdrawn?(ctx: ApprovalOutcomeContext<D>): Promise<void>;
  /**
   * A risk the approver must explicitly accept before approving (e.g. the employee never
   * acknowledged the rule a termination rests on); undefined when there is none. Checked when
   * the approval is shown and again when it is approved.
   */
  approvalWarning?(ctx: { db: Db | Tx; approval: Approval }): Promise<string | undefined>;
  /**
   * A decision's transaction threw (e.g. onApproved found the subject no longer qualifies): runs
   * after the rollback, in its own transactions, so the flow can record why before the error
   * reaches the approver.
   */
  onDecisionRefused?(ctx: { deps: D; approval: Approval; error: unknown }): Promise<void>;
}

export const DEFAULT_SLA_HOURS = 24;

export const approvalStatusLabels = { PENDING: '审批中', APPROVED: '已通过', REJECTED: '已驳回', WITHDRAWN: '已撤回' } as const;
export const stepStatusLabels = { WAITING: '未开始', ACTIVE: '审批中', APPROVED: '已同意', REJECTED: '已驳回', WITHDRAWN: '已撤回' } as const;
export const decisionLabels = { APPROVE: '已同意', REJECT: '已驳回' } as const;
