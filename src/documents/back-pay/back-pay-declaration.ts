// 社保补缴申报表: every month's base, the amount of each insurance per side, the due day, late days
// and late fee, with totals and how each number was reached. HR checks it against the agency's
// own form before filing; the 「政策数据未经核实」 warning heads it when any period is unverified.
import { formatYuan } from '../../domain/money.ts';
import { INSURANCE_KIND_LABELS } from '../../domain/policy/insurance-kinds.ts';
import type { DocumentContent } from '../render-pdf.ts';
import { BACK_PAY_DOCUMENT_TITLES, commonFacts, LATE_FEE_ARTICLE, type BackPayDocumentFacts } from './back-pay-document-kinds.ts';

const columns: NonNullable<DocumentContent['table']>['columns'] = [
  { label: '月份', width: 44 },
  { label: '险种', width: 50 },
  { label: '缴费基数', width: 60, align: 'right' },
  { label: '单位缴费', width: 58, align: 'right' },
  { label: '个人缴费', width: 58, align: 'right' },
  { label: '合计', width: 58, align: 'right' },
  { label: '应缴期限', width: 56, align: 'right' },
  { label: '逾期天数', width: 36, align: 'right' },
  { label: '滞纳金', width: 63, align: 'right' },
];

/** @example renderDocumentPdf(backPayDeclarationContent(facts)) */
export function backPayDeclarationContent(f: BackPayDocumentFacts): Omit<DocumentContent, 'issuedAt'> {
  const b = f.backPay;
  const y = formatYuan;
  const rows = b.months.flatMap((m) => [
    ...m.items.map((i) => [m.month, INSURANCE_KIND_LABELS[i.type], y(m.baseFen), y(i.employerFen), y(i.employeeFen), y(i.employerFen + i.employeeFen), '', '', '']),
    [m.month, '本月小计', y(m.baseFen), y(m.employerFen), y(m.employeeFen), y(m.totalFen), m.dueOn, String(m.lateDays), y(m.lateFeeFen)],
  ]);
  rows.push(['合计', '', '', y(b.totals.employerFen), y(b.totals.employeeFen), y(b.totals.totalFen), '', '', y(b.totals.lateFeeFen)]);
  return {
    title: BACK_PAY_DOCUMENT_TITLES.declaration,
    facts: commonFacts(f),
    table: { columns, rows },
    paragraphs: [
      ...b.warnings,
      `合计：单位缴费 ${y(b.totals.employerFen)}，个人缴费 ${y(b.totals.employeeFen)}，社会保险费 ${y(b.totals.totalFen)}；滞纳金 ${y(b.totals.lateFeeFen)}；应缴总额 ${y(b.totals.grandTotalFen)}。`,
      `滞纳金自应缴期限的次日起按日计算至补缴日的前一日（${LATE_FEE_ARTICLE}）。`,
      '计算说明：',
      ...b.months.map((m) => m.explanation),
      '经办人：＿＿＿＿＿＿＿＿    复核人：＿＿＿＿＿＿＿＿    用人单位（盖章）：＿＿＿＿＿＿＿＿',
    ],
    footer: '本表由社保哨兵按政策库测算生成，申报前请与社会保险经办机构的核定结果核对',
  };
}
