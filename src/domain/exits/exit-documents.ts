// The texts of the exit documents. Each cites its legal basis in the document itself, because
// the document is what an arbitrator reads (劳动合同法 第三十九条第（二）项, 第四条, 第四十三条,
// 第五十条; 劳动合同法实施条例 第二十四条).
import { fullMonthsOfService, serviceEndExclusive } from '../contracts/service-months.ts';
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
  /** The return deadline once the notice was delivered; the issued PDF states the rule instead. */
  deadline?: string;
  /** Days from delivery to return (company setting). */
  returnDays: number;
  /** 1 or 2 */
  round: number;
  /** When the first notice went out (second notice only). */
  firstSentOn?: string;
}

// The stored rule (title, version, adoption day and body, 第四条) when HR stored one; else the setting.
const ruleText = (r: ExitRules) =>
  r.storedRule ? `${citationText(r.storedRule)}（“${r.storedRule.article}”）` : `${r.attendanceRuleName}（“${r.attendanceRuleArticle}”）`;

// The deadline runs from delivery (劳动合同法 第三十九条: the notice must reach the employee); a last
// day on a rest day or holiday moves to the next working day (民法典 第二百零三条).
const returnBy = (f: NoticeFacts) => {
  const rule = `自本通知送达之日起 ${f.returnDays} 日内（期限最后一日为法定休假日的，顺延至其后第一个工作日，《民法典》第二百零三条）`;
  return f.deadline ? `${rule}，即 ${f.deadline}（含当日）前` : rule;
};

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
    `依据公司依照《劳动合同法》第四条经民主程序制定并已向你公示的${ruleText(rules)}，请你${returnBy(f)}返回工作岗位，并书面说明缺勤原因。`,
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
      { label: '返岗期限', value: f.deadline ?? `送达之日起 ${f.returnDays} 日内` },
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
  /** Absent workdays recounted from the first absent day through the day the notice is issued. */
  absentDays: string[];
  noticesSentOn: string[];
  /** Per notice (same order): the absent workdays after the day it went out, up to the termination day. */
  absentAfterNotices: number[];
  unionNotifiedOn: string;
  unionReply: string;
  /** The day the notice is issued; the termination takes effect on delivery, not on this day. */
  issuedOn: string;
  /** A company without a union: the 上级工会 or the 职工代表 notified instead. */
  notifiedBody?: string | null;
  /** The company's written answer to the opinion and its day (第四十三条). */
  companyAnswer?: string | null;
  companyAnsweredOn?: string | null;
}

const rounds = ['第一次', '第二次', '第三次'];

/** 'Each notice, then the absence went on': the proof that the notices were not heeded. */
function afterNotices(f: TerminationFacts): string {
  const parts = f.noticesSentOn.map((on, i) => `${on} ${rounds[i] ?? ''}通知发出后，你仍有 ${f.absentAfterNotices[i] ?? 0} 个工作日未到岗`);
  return parts.length > 0 ? `${parts.join('；')}。` : '';
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
      `经核查考勤记录，你自 ${f.absentDays[0] ?? '—'} 起未到岗出勤，截至 ${f.issuedOn} 累计 ${f.absentDays.length} 个工作日未打卡，且未办理请假手续（旷工日期见下表）。`,
      `公司已于 ${f.noticesSentOn.join('、')} 向你发出返岗通知书。${afterNotices(f)}你逾期未返岗，亦未说明正当理由。`,
      `你的行为违反了公司依照《劳动合同法》第四条制定并已向你公示的${ruleText(rules)}，属于严重违反用人单位的规章制度。`,
      unionParagraph(f, rules),
      `依据《劳动合同法》第三十九条第（二）项，公司决定解除与你的劳动合同，自本通知送达你之日起生效。`,
      '公司将依照《劳动合同法》第五十条为你出具解除劳动合同的证明，并在十五日内为你办理档案和社会保险关系转移手续。请你及时办理工作交接。',
    ],
    facts: [
      { label: '姓名', value: f.name },
      { label: '工号', value: f.employeeNo },
      { label: '部门', value: f.department },
      { label: '岗位', value: f.position || '—' },
      { label: '旷工日期', value: f.absentDays.join('、') || '—' },
      // A unilateral termination takes effect when its notice reaches the employee.
      { label: '解除日期', value: '本通知送达之日' },
      { label: '解除依据', value: '《劳动合同法》第三十九条第（二）项' },
    ],
    footer: `${rules.companyName}\u3000${f.issuedOn}`,
  };
}

export interface CertificateFacts {
  name: string;
  employeeNo: string;
  /** The full number: it is the employee's own certificate (the read is audited by the service). */
  idNumber: string | null;
  position: string | null;
  startDate: string;
  exitDate: string;
  /** The agreed term as recorded, never start → exit (see contractTermLabel). */
  contractTerm: string;
  /** '解除' (dismissal, resignation, mutual agreement) or '终止' (expiry, retirement: 第四十四条). */
  ending: '解除' | '终止';
  /** e.g. '2年3个月' */
  serviceYears: string;
  issuedOn: string;
}

export function separationCertificateContent(f: CertificateFacts, rules: ExitRules): ExitDocumentContent {
  return {
    title: `${f.ending}劳动合同证明书`,
    paragraphs: [
      `兹证明 ${f.name}${f.idNumber ? `（身份证号 ${f.idNumber}）` : ''}于 ${f.startDate} 入职本单位，劳动合同期限：${f.contractTerm}，任${f.position || '—'}岗位，在本单位工作年限为${f.serviceYears}。`,
      `双方劳动合同已于 ${f.exitDate} ${f.ending}。`,
      '特此证明。本证明依据《劳动合同法》第五十条及《劳动合同法实施条例》第二十四条出具。',
    ],
    facts: [
      { label: '姓名', value: f.name },
      { label: '工号', value: f.employeeNo },
      { label: '劳动合同期限', value: f.contractTerm },
      { label: `${f.ending}日期`, value: f.exitDate },
      { label: '工作岗位', value: f.position || '—' },
      { label: '工作年限', value: f.serviceYears },
    ],
    footer: `${rules.companyName}\u3000${f.issuedOn}`,
  };
}

/** The agreed term: '2025-03-01 至 2028-02-29', '自 2025-03-01 起无固定期限', or 未登记合同期限. */
export function contractTermLabel(contractStart: string | null, contractEnd: string | null): string {
  if (!contractStart) return '未登记合同期限';
  return contractEnd ? `${contractStart} 至 ${contractEnd}` : `自 ${contractStart} 起无固定期限`;
}

/**
 * Whole years and months of service from the first day through the last day, both counted
 * (2025-03-01 → 2026-02-28 is '1年'); under a month is '不满1个月'.
 */
export function serviceLength(startDate: string, exitDate: string): string {
  let months = fullMonthsOfService(startDate, serviceEndExclusive(exitDate));
  if (months < 1) return '不满1个月';
  const years = Math.floor(months / 12);
  months %= 12;
  return `${years > 0 ? `${years}年` : ''}${months > 0 ? `${months}个月` : ''}`;
}
