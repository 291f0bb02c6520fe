// The texts of the exit documents. Each cites its legal basis in the document itself, because
// the document is what an arbitrator reads (劳动合同法 第三十九条第（二）项, 第四条, 第四十三条,
// 第五十条; 劳动合同法实施条例 第二十四条).
import { citationText } from '../company-rules/company-rule.ts';
import type { ExitRules } from './exit-rules.ts';

/** The input of renderDocumentPdf (src/documents/render-pdf.ts). */
export interface ExitDocumentContent {
  title: string;
  paragraphs: string[];
  facts: { label: string; value: string }[];
  footer?: string;
}

export interface NoticeFacts {
  name: string;
  employeeNo: string;
  department: string;
  position: string | null;
  /** 'YYYY-MM-DD' absent workdays as the absence case counted them. */
  absentDays: string[];
  absentCount: number;
  sentOn: string;
  deadline: string;
  /** 1 or 2 */
  round: number;
  /** When the first notice went out (second notice only). */
  firstSentOn?: string;
}

// The stored rule (title, version, adoption day and body, 第四条) when HR stored one; else the setting.
const ruleText = (r: ExitRules) =>
  r.storedRule ? `${citationText(r.storedRule)}（“${r.storedRule.article}”）` : `${r.attendanceRuleName}（“${r.attendanceRuleArticle}”）`;

/**
 * @example
 *   renderDocumentPdf(returnNoticeContent({ name: '张三', …, round: 1 }, rules))
 */
export function returnNoticeContent(f: NoticeFacts, rules: ExitRules): ExitDocumentContent {
  const first = f.absentDays[0] ?? '—';
  const last = f.absentDays.at(-1) ?? first;
  const paragraphs = [
    `${f.name}（工号 ${f.employeeNo}）：`,
    `经核查考勤记录，你自 ${first} 至 ${last} 未到岗出勤，累计 ${f.absentCount} 个工作日未打卡，且未办理请假手续。`,
    ...(f.round === 2 && f.firstSentOn ? [`公司已于 ${f.firstSentOn} 向你发出第一次返岗通知书，你至今未返回工作岗位，现第二次通知你。`] : []),
    `依据公司依照《劳动合同法》第四条经民主程序制定并已向你公示的${ruleText(rules)}，请你于 ${f.deadline}（含当日）前返回工作岗位，并书面说明缺勤原因。`,
    `如你逾期未返岗且无正当理由，公司将依据《劳动合同法》第三十九条第（二）项（劳动者严重违反用人单位的规章制度的，用人单位可以解除劳动合同）解除与你的劳动合同。`,
    '你可以在工作台「社保哨兵」中打开本通知书，回复「我将于某日返岗」或「我已离职」。',
  ];
  return {
    title: f.round === 2 ? '返岗通知书（第二次）' : '返岗通知书',
    paragraphs,
    facts: [
      { label: '姓名', value: f.name },
      { label: '工号', value: f.employeeNo },
      { label: '部门', value: f.department },
      { label: '岗位', value: f.position || '—' },
      { label: '旷工日期', value: f.absentDays.join('、') || '—' },
      { label: '返岗期限', value: f.deadline },
      { label: '发出日期', value: f.sentOn },
    ],
    footer: `${rules.companyName}\u3000${f.sentOn}`,
  };
}

export interface TerminationFacts {
  name: string;
  employeeNo: string;
  department: string;
  position: string | null;
  absentDays: string[];
  noticesSentOn: string[];
  unionNotifiedOn: string;
  unionReply: string;
  /** A company without a union: the 上级工会 or the 职工代表 notified instead. */
  notifiedBody?: string | null;
  /** The company's written answer to the opinion and its day (第四十三条). */
  companyAnswer?: string | null;
  companyAnsweredOn?: string | null;
  exitDate: string;
}

function unionParagraph(f: TerminationFacts, rules: ExitRules): string {
  const body = f.notifiedBody ?? rules.unionName;
  const answer = f.companyAnswer ? `公司已于 ${f.companyAnsweredOn ?? f.unionNotifiedOn} 书面答复：${f.companyAnswer}。` : '';
  return `公司已于 ${f.unionNotifiedOn} 将解除理由通知${body}（《劳动合同法》第四十三条），意见：${f.unionReply}。${answer}`;
}

export function terminationNoticeContent(f: TerminationFacts, rules: ExitRules): ExitDocumentContent {
  return {
    title: '解除劳动合同通知书',
    paragraphs: [
      `${f.name}（工号 ${f.employeeNo}）：`,
      `你自 ${f.absentDays[0] ?? '—'} 起未到岗出勤，累计 ${f.absentDays.length} 个工作日。公司已于 ${f.noticesSentOn.join('、')} 向你发出返岗通知书，你逾期未返岗，亦未说明正当理由。`,
      `你的行为违反了公司依照《劳动合同法》第四条制定并已向你公示的${ruleText(rules)}，属于严重违反用人单位的规章制度。`,
      unionParagraph(f, rules),
      `依据《劳动合同法》第三十九条第（二）项，公司决定自 ${f.exitDate} 起解除与你的劳动合同。`,
      '公司将依照《劳动合同法》第五十条为你出具解除劳动合同的证明，并在十五日内为你办理档案和社会保险关系转移手续。请你及时办理工作交接。',
    ],
    facts: [
      { label: '姓名', value: f.name },
      { label: '工号', value: f.employeeNo },
      { label: '部门', value: f.department },
      { label: '岗位', value: f.position || '—' },
      { label: '解除日期', value: f.exitDate },
      { label: '解除依据', value: '《劳动合同法》第三十九条第（二）项' },
    ],
    footer: `${rules.companyName}\u3000${f.exitDate}`,
  };
}

export interface CertificateFacts {
  name: string;
  employeeNo: string;
  idNumberMasked: string | null;
  position: string | null;
  startDate: string;
  exitDate: string;
  /** e.g. '2年3个月' */
  serviceYears: string;
  issuedOn: string;
}

export function separationCertificateContent(f: CertificateFacts, rules: ExitRules): ExitDocumentContent {
  return {
    title: '解除（终止）劳动合同证明书',
    paragraphs: [
      `兹证明 ${f.name}${f.idNumberMasked ? `（身份证号 ${f.idNumberMasked}）` : ''}于 ${f.startDate} 入职本单位，劳动合同期限自 ${f.startDate} 至 ${f.exitDate}，任${f.position || '—'}岗位，在本单位工作年限为${f.serviceYears}。`,
      `双方劳动关系已于 ${f.exitDate} 解除（终止）。`,
      '特此证明。本证明依据《劳动合同法》第五十条及《劳动合同法实施条例》第二十四条出具。',
    ],
    facts: [
      { label: '姓名', value: f.name },
      { label: '工号', value: f.employeeNo },
      { label: '劳动合同期限', value: `${f.startDate} 至 ${f.exitDate}` },
      { label: '解除（终止）日期', value: f.exitDate },
      { label: '工作岗位', value: f.position || '—' },
      { label: '工作年限', value: f.serviceYears },
    ],
    footer: `${rules.companyName}\u3000${f.issuedOn}`,
  };
}

/** Whole years and months from start to exit, e.g. '2年3个月'; under a month is '不满1个月'. */
export function serviceLength(startDate: string, exitDate: string): string {
  const [sy, sm, sd] = startDate.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = exitDate.split('-').map(Number) as [number, number, number];
  let months = (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
  if (months < 1) return '不满1个月';
  const years = Math.floor(months / 12);
  months %= 12;
  return `${years > 0 ? `${years}年` : ''}${months > 0 ? `${months}个月` : ''}`;
}
