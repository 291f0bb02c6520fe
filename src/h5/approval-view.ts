// Wire shapes of /api/v1/approvals (src/services/approvals/list-approvals.ts) and the little
// text the 待办 pages derive from them. Declared here so the browser build never pulls server code.
export type ApprovalBox = 'pending' | 'submitted' | 'done';

export interface ApprovalListItem {
  id: string;
  title: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
  statusLabel: string;
  submitter: { id: string; name: string };
  createdAtText: string;
  decidedAtText: string | null;
  step: { index: number; name: string; level: number } | null;
  waitingSince: string | null;
  dueText: string | null;
}

export interface ApprovalDetail {
  id: string;
  title: string;
  status: ApprovalListItem['status'];
  statusLabel: string;
  summary: { label: string; value: string; tone?: 'danger' }[];
  /** A risk the approver must confirm before approving (e.g. an unacknowledged company rule, 劳动合同法 第四条). */
  warning: string | null;
  submitter: { id: string; name: string };
  createdAtText: string;
  decidedAtText: string | null;
  currentStep: number | null;
  steps: {
    index: number;
    name: string;
    mode: 'any' | 'all';
    level: number;
    status: string;
    statusLabel: string;
    approvers: { id: string; name: string }[];
    dueText: string | null;
    escalatedAtText: string | null;
    decisions: { approverName: string; decision: string; decisionLabel: string; comment: string | null; atText: string }[];
  }[];
  can: { decide: boolean; withdraw: boolean };
}

/** '已等待 3 小时' / '已等待 2 天 1 小时' / '刚刚提交'. */
export function waitingText(sinceIso: string | null, now: Date): string {
  if (!sinceIso) return '';
  const hours = Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 3_600_000);
  if (hours < 1) return '刚刚提交';
  if (hours < 24) return `已等待 ${hours} 小时`;
  const rest = hours % 24;
  return `已等待 ${Math.floor(hours / 24)} 天${rest ? ` ${rest} 小时` : ''}`;
}

/** The line under a 待办 item's title. */
export function itemLabel(item: ApprovalListItem, box: ApprovalBox, now: Date): string {
  const by = `${item.submitter.name} 提交`;
  if (item.status !== 'PENDING') return `${by} · ${item.statusLabel}${item.decidedAtText ? ` · ${item.decidedAtText}` : ''}`;
  const step = item.step ? ` · ${item.step.name}` : '';
  const due = item.dueText ? ` · 截止 ${item.dueText}` : '';
  return box === 'pending' ? `${by} · ${waitingText(item.waitingSince, now)}${due}` : `${by}${step}${due}`;
}
