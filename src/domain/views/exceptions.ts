// One insurance exception as /api/v1/exceptions lists it, shared by the services that build it
// and the H5 pages that show it (src/h5/pages/Exception*.vue). Types only: the H5 bundle gains no
// code from here.
import type { InsuranceExceptionStatus, InsuranceType } from '../../generated/prisma/enums.ts';

export interface ExceptionListItem {
  id: string;
  /** 申请编号 as people read it (例外-2026-0007). */
  requestNo: string;
  employee: { id: string; name: string; employeeNo: string; department: string };
  kind: string;
  reasonCategory: string;
  reasonLabel: string;
  lawful: boolean;
  status: InsuranceExceptionStatus;
  statusLabel: string;
  /** A DRAFT's documents still missing ('declaration' or a proof kind, and the H5 path that supplies it); empty otherwise. */
  nextSteps: { key: string; label: string; link: string }[];
  createdAt: string;
  reverifyOn: string | null;
  lapsedOn: string | null;
}

/** A document a lawful reason requires, and whether it is on file. */
export interface DocumentCheck {
  key: string;
  label: string;
  present: boolean;
  /** Where the employee provides it (H5). */
  link: string;
}

/** The insurance this company still owes under the category. */
export interface OwedInsuranceView {
  type: InsuranceType;
  label: string;
  how: string | null;
}

/** One exception for its page (GET /exceptions/:id). */
export interface ExceptionDetail extends ExceptionListItem {
  reasonNote: string | null;
  legalNotes: string[];
  documents: DocumentCheck[];
  missing: string[];
  risk: { lines: { label: string; amountFen: number; amount: string; detail: string; legalBasis: string }[]; totalFen: number; total: string; asOf: string; warnings: string[] } | null;
  /** Who decided and when ('YYYY-MM-DD HH:mm' in the business zone), with their comments. */
  approval: { id: string; status: string; statusLabel: string; decidedAt: string | null; decisions: ExceptionDecisionView[] } | null;
  tasks: { id: string; kind: string; title: string; dueOn: string; state: string }[];
  /** The insurance this company still owes under the category (all of it for a waiver). */
  owedInsurances: OwedInsuranceView[];
  /** Dual employment after a lapse: the month the original employer stopped paying ('YYYY-MM'). */
  otherEmployerStoppedMonth: string | null;
  /** True while that month is still to be given (HR enters it; the clock runs from the lapse until then). */
  askStoppedMonth: boolean;
  /** Where the enrolment clock of a lapsed exception runs from, in words. */
  clockNote: string | null;
  canSubmit: boolean;
  canWithdraw: boolean;
  /** The case's evidence pack (zip), for HR only. */
  evidencePackUrl: string | null;
  /** HR only: a pensioner far below any retirement age (src/services/exceptions/pensioner-age-check.ts). */
  plausibilityWarning: string | null;
}

/** One approver's decision on the exception's approval. */
export interface ExceptionDecisionView {
  approverName: string;
  decision: string;
  decisionLabel: string;
  comment: string | null;
  at: string;
}

/** POST /exceptions: the new request, whether its reason is lawful, and what happens next. */
export interface RequestExceptionResult {
  exception: { id: string; status: InsuranceExceptionStatus };
  lawful: boolean;
  /** What the employee does next (lawful) or what happens now (waiver). */
  nextSteps: { label: string; url?: string }[];
}
