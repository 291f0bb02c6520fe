// The three back-pay documents HR can generate from one calculation (issue 17 §4). The kind is
// part of the API body and the evidence metadata; the titles are what people read.
import type { BackPay } from '../../domain/money/back-pay.ts';

export const BACK_PAY_DOCUMENT_KINDS = ['declaration', 'letter', 'cross-year'] as const;
export type BackPayDocumentKind = (typeof BACK_PAY_DOCUMENT_KINDS)[number];

export const BACK_PAY_DOCUMENT_TITLES: Record<BackPayDocumentKind, string> = {
  declaration: '社保补缴申报表',
  letter: '社保补缴说明函',
  'cross-year': '跨年补缴影响说明',
};

/** What every template reads: the employee, the calculation and its input. */
export interface BackPayDocumentFacts {
  employee: { name: string; employeeNo: string; employer: string | null };
  backPay: BackPay;
  from: string;
  to: string;
  payOn: string;
  /** HR's words for why the months were missed; null → a neutral default. */
  reason: string | null;
  /** The Asia/Shanghai day the document is issued. */
  issuedOn: string;
}

/** 「2025-05 至 2025-08，共 4 个月」 — the months actually computed (paid months are left out). */
export function monthsText(b: BackPay): string {
  const months = b.months.map((m) => m.month);
  if (months.length === 0) return '无';
  const first = months[0];
  const last = months.at(-1);
  return first === last ? `${first}，共 1 个月` : `${months.join('、')}，共 ${months.length} 个月`;
}

/** The shared head of every document: who, where, which months, paid when. */
export function commonFacts(f: BackPayDocumentFacts): { label: string; value: string }[] {
  return [
    { label: '员工', value: `${f.employee.name}（工号 ${f.employee.employeeNo}）` },
    { label: '用人单位', value: f.employee.employer ?? '（待填写）' },
    { label: '参保城市', value: f.backPay.city },
    { label: '补缴月份', value: monthsText(f.backPay) },
    { label: '测算补缴日', value: f.payOn },
    { label: '出具日期', value: f.issuedOn },
  ];
}

/** Article of the employer-borne late fee, quoted wherever the fee is shown. */
export const LATE_FEE_ARTICLE = '《社会保险法》第八十六条；滞纳金由单位承担，不得要求职工承担（《社会保险费申报缴纳管理规定》（人社部令第13号）第二十条）';
