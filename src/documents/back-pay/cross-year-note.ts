// 跨年补缴影响说明: what a back-payment that spans calendar years changes, stated only as far as
// the policy data reaches — each year's months on that year's bases and rates, the late fee
// growing by the day — and a plain list of what the data cannot answer.
import { formatYuan } from '../../domain/money.ts';
import type { BackPayMonth } from '../../domain/money/back-pay.ts';
import type { DocumentContent } from '../render-pdf.ts';
import { BACK_PAY_DOCUMENT_TITLES, commonFacts, LATE_FEE_ARTICLE, type BackPayDocumentFacts } from './back-pay-document-kinds.ts';

const CANNOT_SAY = [
  '社会保险经办机构是否受理跨年度补缴、需要哪些材料（不少地区要求劳动保障监察或仲裁文书），政策库没有这些规定；',
  '补缴对员工今后养老金金额的影响（取决于退休时的计发办法和全部缴费记录）；',
  '医疗保险待遇能否追溯、补缴月份是否计入连续缴费月数（由当地医疗保障部门规定）；',
  '已申报年度的个人所得税专项扣除如何更正，以及住房公积金等其他项目。',
];

function yearLine(year: string, months: BackPayMonth[]): string {
  const sum = (f: (m: BackPayMonth) => number) => formatYuan(months.reduce((s, m) => s + f(m), 0));
  const bases = [...new Set(months.map((m) => formatYuan(m.baseFen)))].join('、');
  return `${year} 年：${months.length} 个月（${months[0]?.month} 至 ${months.at(-1)?.month}），缴费基数 ${bases}，社会保险费 ${sum((m) => m.totalFen)}（单位 ${sum((m) => m.employerFen)}，个人 ${sum((m) => m.employeeFen)}），滞纳金 ${sum((m) => m.lateFeeFen)}。`;
}

/** @example renderDocumentPdf(crossYearNoteContent(facts)) */
export function crossYearNoteContent(f: BackPayDocumentFacts): Omit<DocumentContent, 'issuedAt'> {
  const b = f.backPay;
  const byYear = Map.groupBy(b.months, (m) => m.month.slice(0, 4));
  const years = [...byYear.keys()];
  return {
    title: BACK_PAY_DOCUMENT_TITLES['cross-year'],
    facts: commonFacts(f),
    paragraphs: [
      ...b.warnings,
      years.length > 1
        ? `本次补缴跨 ${years.length} 个年度（${years.join('、')}）。以下按年度列出政策库能确定的内容。`
        : `本次补缴的月份都在 ${years[0] ?? f.from.slice(0, 4)} 年内，不涉及跨年度补缴；以下仍列出该年度的数据。`,
      '一、各年度的数额（每个月按该月所属政策期间的缴费基数上下限和费率计算，而不是按补缴当年的标准）：',
      ...[...byYear].map(([year, months]) => yearLine(year, months)),
      `二、滞纳金按日累计：越早的月份逾期越久，补缴日每推迟一天，每个欠缴月份都再加收一天（${LATE_FEE_ARTICLE}）。以上按 ${f.payOn} 补缴测算，实际补缴日不同，金额也不同。`,
      '三、本说明不能回答的问题（政策库中没有相应数据，请向当地社会保险经办机构咨询）：',
      ...CANNOT_SAY.map((line, i) => `${i + 1}. ${line}`),
    ],
    footer: '本说明只陈述政策库数据能支持的内容，不构成法律意见',
  };
}
