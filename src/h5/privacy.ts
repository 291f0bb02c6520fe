// Whether the signed-in employee still has to acknowledge the privacy notice (个人信息保护法 第十七条).
// The server keeps the acknowledgement; the answer is remembered per person once it is yes, so the
// router guard asks only until then.
import type { PrivacyNoticeView } from '../domain/privacy/privacy-notice.ts';
import { api } from './api.ts';

export type PrivacyNoticeResponse = PrivacyNoticeView;

let acknowledgedBy: string | undefined;

export function loadPrivacyNotice(): Promise<PrivacyNoticeResponse> {
  return api<PrivacyNoticeResponse>('GET', '/h5/privacy-notice');
}

/** True when `employeeId` has not acknowledged the current notice. */
export async function privacyNoticePending(employeeId: string): Promise<boolean> {
  if (acknowledgedBy === employeeId) return false;
  const notice = await loadPrivacyNotice();
  if (notice.acknowledgedAt) acknowledgedBy = employeeId;
  return !notice.acknowledgedAt;
}

export function rememberAcknowledged(employeeId: string): void {
  acknowledgedBy = employeeId;
}
