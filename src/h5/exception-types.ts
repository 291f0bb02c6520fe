// What the exception pages receive from /api/v1/exceptions (see src/services/exceptions). A list
// item is the server's own type (src/domain/views/exceptions.ts).
import type { ExceptionListItem } from '../domain/views/exceptions.ts';

export type ExceptionItem = ExceptionListItem;

export interface ExceptionDetail extends ExceptionItem {
  reasonNote: string | null;
  legalNotes: string[];
  documents: { key: string; label: string; present: boolean; link: string }[];
  missing: string[];
  risk: { lines: { label: string; amount: string; detail: string; legalBasis: string }[]; total: string; asOf: string; warnings: string[] } | null;
  approval: {
    id: string;
    status: string;
    statusLabel: string;
    decidedAt: string | null;
    decisions: { approverName: string; decision: string; decisionLabel: string; comment: string | null; at: string }[];
  } | null;
  tasks: { id: string; kind: string; title: string; dueOn: string; state: string }[];
  owedInsurances: { type: string; label: string; how: string | null }[];
  otherEmployerStoppedMonth: string | null;
  askStoppedMonth: boolean;
  clockNote: string | null;
  canSubmit: boolean;
  canWithdraw: boolean;
  evidencePackUrl: string | null;
  /** HR only: a pensioner far below any retirement age. */
  plausibilityWarning: string | null;
}

export interface RequestResult {
  exception: { id: string; status: string };
  lawful: boolean;
  nextSteps: { label: string; url?: string }[];
}

/** The enrolment a rejected, void or lapsed exception requires; any other task kind follows an approval. */
export const REMEDIATION_TASK_KIND = 'enrolment.remediation';

export const HR_ROLES = ['HR_SPECIALIST', 'HR_MANAGER', 'ADMIN'];

export const statusTagType: Record<ExceptionItem['status'], 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  REMEDIATION: 'danger', DRAFT: 'warning', SUBMITTED: 'primary', APPROVED: 'success', REJECTED: 'danger', WITHDRAWN: 'default', LAPSED: 'danger',
};

/** The page inside the H5 for an absolute link the server built (same origin in production). */
export function inAppPath(link: string): string {
  const url = new URL(link, window.location.origin);
  return url.pathname.replace(/^\/app/, '') + url.search;
}
