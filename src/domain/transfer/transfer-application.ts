// The prefilled 基本养老保险关系转移接续申请表 (国办发〔2009〕66号 第八条第（一）项: the application to
// the new place's agency, with the old place's 参保缴费凭证). The agency's own form asks for the same
// facts; HR prints this one, the employee signs, and it goes with the certificate.
import type { ExitDocumentContent as DocumentContent } from '../exits/exit-documents.ts';

export interface TransferApplicationFacts {
  name: string;
  employeeNo: string;
  /** The full ID number: the agency needs it; null when none is on record. */
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  hukouProvince: string | null;
  employer: string | null;
  fromCity: string;
  toCity: string;
  directionLabel: string;
  startedOn: string;
  /** Each step with its due day, as scheduled on the legal calendar. */
  steps: { step: number; title: string; dueOn: string; doneOn: string | null }[];
  caveat: string | null;
}

const blank = '（待填写）';

/**
 * @example renderDocumentPdf(transferApplicationContent(facts))
 */
export function transferApplicationContent(f: TransferApplicationFacts): DocumentContent {
  return {
    title: '基本养老保险关系转移接续申请表',
    facts: [
      { label: '姓名', value: f.name },
      { label: '公民身份号码', value: f.idNumber ?? blank },
      { label: '性别', value: f.sex === 'male' ? '男' : f.sex === 'female' ? '女' : blank },
      { label: '出生日期', value: f.birthDate ?? blank },
      { label: '户籍所在地', value: f.hukouProvince ?? blank },
      { label: '工号', value: f.employeeNo },
      { label: '用人单位', value: f.employer ?? blank },
      { label: '原参保地（转出地）', value: f.fromCity },
      { label: '新参保地（转入地）', value: f.toCity },
      { label: '转移方向', value: f.directionLabel },
      { label: '申请日期', value: f.startedOn },
    ],
    paragraphs: [
      `本人申请将城镇企业职工基本养老保险关系由${f.fromCity}转移至${f.toCity}，随本表附原参保地社会保险经办机构出具的《参保缴费凭证》。`,
      '办理时限（《城镇企业职工基本养老保险关系转移接续暂行办法》（国办发〔2009〕66号）第八条，各15个工作日）：',
      ...f.steps.map((s) => `第${s.step}步 ${s.title}：${s.doneOn ? `已于 ${s.doneOn} 办结` : `应于 ${s.dueOn} 前办结`}`),
      ...(f.caveat ? [`注：${f.caveat}。`] : []),
      '申请人签字：＿＿＿＿＿＿＿＿    日期：＿＿＿＿＿＿＿＿',
      '用人单位（盖章）：＿＿＿＿＿＿＿＿    经办人：＿＿＿＿＿＿＿＿',
    ],
    footer: '本表由社保哨兵根据员工档案预填，请核对后签字，并向新参保地社会保险经办机构提交（也可通过国家社会保险公共服务平台在线申请）。',
  };
}
