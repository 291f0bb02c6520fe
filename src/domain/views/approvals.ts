// /api/v1/approvals: 待办 lists and one approval's detail. Built by
// src/services/approvals/list-approvals.ts, shown by src/h5/pages/TodoPage.vue and TodoDetailPage.vue.
// Times are BUSINESS_TZ text ('2026-11-02 10:00'). Types only: the H5 bundle gains no code from here.
import type { CardRow } from '../../../cards/card-model.ts';
import type { ApprovalStatus, ApprovalStepStatus } from '../../generated/prisma/enums.ts';

export type ApprovalBox = 'pending' | 'submitted' | 'done';

export interface ApprovalListItem {
  id: string;
  definition: string;
  title: string;
  status: ApprovalStatus;
  statusLabel: string;
  submitter: { id: string; name: string };
  /** ISO instant. */
  createdAt: string;
  createdAtText: string;
  decidedAtText: string | null;
  /** The step waiting for a decision, while the approval is pending. */
  step: { index: number; name: string; level: number } | null;
  /** ISO instant the current step started waiting. */
  waitingSince: string | null;
  /** ISO instant the current step is due (its SLA). */
  due: string | null;
  dueText: string | null;
}

export interface ApprovalList {
  items: ApprovalListItem[];
}

export interface ApprovalDecisionView {
  approverId: string;
  approverName: string;
  decision: string;
  decisionLabel: string;
  comment: string | null;
  channel: string;
  atText: string;
}

export interface ApprovalStepView {
  index: number;
  name: string;
  /** 'any': one approver decides; 'all': every approver must agree. */
  mode: string;
  level: number;
  slaHours: number;
  status: ApprovalStepStatus;
  statusLabel: string;
  approvers: { id: string; name: string }[];
  activatedAtText: string | null;
  dueText: string | null;
  escalatedAtText: string | null;
  decisions: ApprovalDecisionView[];
}

export interface ApprovalDetail {
  id: string;
  definition: string;
  subjectType: string;
  subjectId: string;
  title: string;
  status: ApprovalStatus;
  statusLabel: string;
  summary: CardRow[];
  /** A risk the approver must confirm before approving (e.g. an unacknowledged company rule, 劳动合同法 第四条). */
  warning: string | null;
  submitter: { id: string; name: string };
  createdAtText: string;
  decidedAtText: string | null;
  currentStep: number | null;
  steps: ApprovalStepView[];
  can: { decide: boolean; withdraw: boolean };
}
