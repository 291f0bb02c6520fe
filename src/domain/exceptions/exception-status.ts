// Labels and groupings of InsuranceException.status, shared by services, cards and the H5.
import type { InsuranceExceptionStatus } from '../../generated/prisma/enums.ts';

export const exceptionStatusLabels: Record<InsuranceExceptionStatus, string> = {
  REMEDIATION: '不予豁免，须增员',
  DRAFT: '待补充材料',
  SUBMITTED: '审批中',
  APPROVED: '已批准',
  REJECTED: '已驳回',
  WITHDRAWN: '已撤回',
  LAPSED: '已失效',
};

/** A DRAFT whose required documents are all on file waits for HR, not for the employee. */
export const READY_TO_SUBMIT_LABEL = '待提交审批';

/** The label people see: a DRAFT reads 「待补充材料」 only while a required document is missing. */
export function exceptionStatusLabel(status: InsuranceExceptionStatus, documentsComplete: boolean): string {
  return status === 'DRAFT' && documentsComplete ? READY_TO_SUBMIT_LABEL : exceptionStatusLabels[status];
}

/** An employee has at most one exception in these states at a time. */
export const OPEN_EXCEPTION_STATUSES: readonly InsuranceExceptionStatus[] = ['REMEDIATION', 'DRAFT', 'SUBMITTED', 'APPROVED'];

/** The employee may withdraw a request while HR has not decided it (a waiver's remediation task stays open). */
export const WITHDRAWABLE_STATUSES: readonly InsuranceExceptionStatus[] = ['REMEDIATION', 'DRAFT', 'SUBMITTED'];

/** First day of the quarter after `day` ('YYYY-MM-DD'): when an approved exception is re-verified. */
export function nextQuarterStart(day: string): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
}

/** '2027Q1' for any day of that quarter. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The last month of the quarter before the one `day` is in: a fresh proof covers it or later. */
export function lastMonthOfPreviousQuarter(day: string): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return q === 0 ? `${y - 1}-12` : `${y}-${String(q * 3).padStart(2, '0')}`;
}

/** Days after reverifyOn the employee has to upload a fresh proof before the exception lapses. */
export const REVERIFY_GRACE_DAYS = 15;
