// What a proof document is. The two named kinds are the proofs of the lawful insurance
// exceptions (劳动争议司法解释（一）第三十二条): a pension certificate, or the original employer's
// contribution record; anything else is OTHER.
import { AppError } from '../../errors.ts';

export const PROOF_KINDS = ['PENSION_CERTIFICATE', 'OTHER_EMPLOYER_CONTRIBUTIONS', 'OTHER'] as const;
export type ProofKindValue = (typeof PROOF_KINDS)[number];

export const proofKindLabels: Record<ProofKindValue, string> = {
  PENSION_CERTIFICATE: '退休证或养老金领取证明',
  OTHER_EMPLOYER_CONTRIBUTIONS: '原单位社保缴费记录',
  OTHER: '其他证明材料',
};

export function isProofKind(value: string): value is ProofKindValue {
  return (PROOF_KINDS as readonly string[]).includes(value);
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM', not later than `currentMonth`: a document cannot cover a month that has not begun. */
export function checkCoversMonth(month: string, currentMonth: string): string {
  if (!MONTH.test(month)) throw new AppError('validation_failed', `所属月份应为 YYYY-MM，如 2026-01（收到：${month.slice(0, 20)}）`);
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
