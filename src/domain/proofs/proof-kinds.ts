// Validation of proof uploads. The kinds and their labels are data shared with the H5
// (proof-kind-labels.ts).
import { AppError } from '../../errors.ts';

export { CONSENT_PROOF_KINDS, isProofKind, PROOF_CONSENT_TEXT, PROOF_KINDS, proofKindLabels, type ProofKindValue } from './proof-kind-labels.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM', not later than `currentMonth`: a document cannot cover a month that has not begun. */
export function checkCoversMonth(month: string, currentMonth: string): string {
  if (!MONTH.test(month)) throw new AppError('validation_failed', `所属月份应写成 2026-01 这样的年月（收到：${month.slice(0, 20)}）`);
  if (month > currentMonth) throw new AppError('validation_failed', `所属月份 ${month} 晚于本月 ${currentMonth}`);
  return month;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control characters, ≤ 120 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-120);
  return cleaned || '未命名文件';
}
