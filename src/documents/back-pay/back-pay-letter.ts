// 社保补缴说明函 to the employee, in plain Chinese: which months, why, how much, and what it means
// for them — their own share is withheld by the company (社会保险法 第六十条), the late fee is the
// company's alone (人社部令第13号 第二十条), and what this letter cannot promise.
import { formatYuan } from '../../domain/money.ts';
import type { DocumentContent } from '../render-pdf.ts';
import { BACK_PAY_DOCUMENT_TITLES, commonFacts, monthsText, type BackPayDocumentFacts } from './back-pay-document-kinds.ts';

const DEFAULT_REASON = '公司未按规定为你申报缴纳';

/** @example renderDocumentPdf(backPayLetterContent(facts)) */
export function backPayLetterContent(f: BackPayDocumentFacts): Omit<DocumentContent, 'issuedAt'> {
  const b = f.backPay;
  const y = formatYuan;
  return {
    title: BACK_PAY_DOCUMENT_TITLES.letter,
    facts: commonFacts(f),
    paragraphs: [
      ...b.warnings,
      `${f.employee.name}：`,
      `经核对，公司在以下月份未为你足额缴纳社会保险费：${monthsText(b)}。原因：${f.reason ?? DEFAULT_REASON}。公司将为你补缴这些月份，以下金额按 ${f.payOn} 补缴测算。`,
      `一、补缴金额：社会保险费共 ${y(b.totals.totalFen)}，其中公司承担 ${y(b.totals.employerFen)}，你个人承担 ${y(b.totals.employeeFen)}。每个月、每个险种的金额见《社保补缴申报表》。`,
      `二、你个人的部分（${y(b.totals.employeeFen)}）依法由公司代扣代缴（《社会保险法》第六十条），具体扣缴方式公司会另行与你确认，不会在未告知你的情况下扣款。`,
      `三、滞纳金 ${y(b.totals.lateFeeFen)} 全部由公司承担，不会向你收取（《社会保险费申报缴纳管理规定》（人社部令第13号）第二十条）。`,
      '四、补缴完成后，这些月份会记入你的社会保险缴费记录，你可以在当地社保经办机构、国家社会保险公共服务平台或当地政务服务应用中查询。',
      '五、补缴对你今后养老金金额、医疗保险待遇能否追溯等的具体影响，以当地社会保险经办机构和医疗保障部门的规定与核定为准，本函不作承诺。',
      '如对上述内容有疑问，请联系人事部门。',
      '用人单位（盖章）：＿＿＿＿＿＿＿＿    日期：＿＿＿＿＿＿＿＿',
      '本人已收到本说明函：＿＿＿＿＿＿＿＿（签字）    日期：＿＿＿＿＿＿＿＿',
    ],
    footer: '本函金额由社保哨兵按政策库测算，最终以社会保险经办机构核定为准',
  };
}
