// What "我的" lists under the header, in two groups. Missing values get a word instead of a
// blank cell, so an unset field reads as "not recorded" rather than a rendering glitch.
import type { MyEmployee } from '../domain/views/session.ts';

export interface InfoRow {
  label: string;
  value: string;
  /** True when the value is a placeholder (未填写 / 未记录), shown muted. */
  missing: boolean;
}

export interface InfoGroup {
  title: string;
  rows: InfoRow[];
}

/** A link cell on "我的" to another page (by route name). */
export interface LinkRow {
  title: string;
  label: string;
  name: string;
}

/** The pages reachable from "我的" below the record; features add their entry here. 待办 is on top (MePage). */
export const meLinks: LinkRow[] = [
  { title: '打卡', label: '在工作地点范围内一键打卡', name: 'clockIn' },
  { title: '我的打卡', label: '按日查看打卡时间和异常', name: 'attendance' },
  { title: '我的社保', label: '每月缴费明细（单位、个人）', name: 'statement' },
  { title: '社保咨询', label: '社保没交、基数不对？向人事咨询或投诉，查看答复', name: 'questions' },
  { title: '知识问答', label: '10 道社保知识题，80 分及格，每年首次及格加积分', name: 'quiz' },
  { title: '我的积分', label: '按时上传证明、配合转移接续、知识问答得到的积分', name: 'myPoints' },
  { title: '社保例外', label: '申请不在本单位参保（须符合法定情形），查看进度', name: 'exceptions' },
  { title: '我的文件', label: '已签署的声明、已上传的证明，可查看和下载', name: 'documents' },
  { title: '上传证明', label: '拍照或上传 PDF：退休证、原单位缴费记录等', name: 'proofUpload' },
  { title: '离职申请', label: '提前三十日书面通知（《劳动合同法》第三十七条）', name: 'resign' },
  { title: '个人信息处理告知', label: '处理哪些信息、为什么、保存多久、谁能看到', name: 'privacy' },
];

const row = (label: string, value: string | null | undefined, placeholder = '未填写'): InfoRow =>
  value ? { label, value, missing: false } : { label, value: placeholder, missing: true };

export function meGroups(e: MyEmployee): InfoGroup[] {
  const manager = e.manager ? `${e.manager.name}（${e.manager.employeeNo}）` : null;
  return [
    {
      title: '基本信息',
      rows: [
        row('工号', e.employeeNo),
        row(e.idTypeLabel === '居民身份证' || !e.idTypeLabel ? '身份证号' : e.idTypeLabel, e.idNumber, '未登记'),
        row('手机号', e.mobile, '未登记'),
        row('部门', e.department.name),
        row('直属上级', manager, '无'),
        row('岗位', e.position),
      ],
    },
    {
      title: '劳动与社保',
      rows: [
        row('入职日期', e.startDate),
        ...(e.exitDate ? [row('离职日期', e.exitDate)] : []),
        row('合同主体', e.contractEntity),
        row('劳动合同期限', contractTermText(e.contractStart, e.contractEnd), '未登记'),
        ...(e.probationEnd ? [row('试用期至', e.probationEnd)] : []),
        row('参保城市', e.insuredCity),
        row('社保增员日期', e.enrolledOn, '未记录'),
        row('退休类别', e.retirementCategoryLabel && `${e.retirementCategoryLabel}${e.retirementCategorySource === 'id_number' ? '（按身份证号）' : ''}`, '未填写'),
        row('法定退休年龄', e.statutoryRetirement && retirementText(e.statutoryRetirement), '无法计算'),
        ...(e.minorWorker ? [row('未成年工', '是（已满16周岁未满18周岁）')] : []),
      ],
    },
  ];
}

/** '2026-01-01 至 2028-12-31', '自 2026-01-01 起，无固定期限' (劳动合同法 第十四条). */
function contractTermText(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end ? `${start} 至 ${end}` : `自 ${start} 起，无固定期限`;
}

/** '60岁4个月（2026-07）' */
function retirementText(r: { years: number; months: number; month: string }): string {
  return `${r.years}岁${r.months > 0 ? `${r.months}个月` : ''}（${r.month}）`;
}
