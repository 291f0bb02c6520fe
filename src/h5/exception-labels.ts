// Words and helpers the exception pages add to the server's views (src/domain/views/exceptions.ts).
import type { ExceptionListItem } from '../domain/views/exceptions.ts';

/** The enrolment a rejected, void or lapsed exception requires; any other task kind follows an approval. */
export const REMEDIATION_TASK_KIND = 'enrolment.remediation';

export const HR_ROLES = ['HR_SPECIALIST', 'HR_MANAGER', 'ADMIN'];

export const statusTagType: Record<ExceptionListItem['status'], 'primary' | 'success' | 'warning' | 'danger' | 'default'> = {
  REMEDIATION: 'danger', DRAFT: 'warning', SUBMITTED: 'primary', APPROVED: 'success', REJECTED: 'danger', WITHDRAWN: 'default', LAPSED: 'danger',
};

/** The page inside the H5 for an absolute link the server built (same origin in production). */
export function inAppPath(link: string): string {
  const url = new URL(link, window.location.origin);
  return url.pathname.replace(/^\/app/, '') + url.search;
}
