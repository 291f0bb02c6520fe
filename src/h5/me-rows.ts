// What "我的" lists under the header, in two groups. Missing values get a word instead of a
// blank cell, so an unset field reads as "not recorded" rather than a rendering glitch.
import type { MyEmployee } from './types.ts';

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

const row = (label: string, value: string | null | undefined, placeholder = '未填写'): InfoRow =>
  value ? { label, value, missing: false } : { label, value: placeholder, missing: true };

export function meGroups(e: MyEmployee): InfoGroup[] {
  const manager = e.manager ? `${e.manager.name}（${e.manager.employeeNo}）` : null;
  return [
    {
      title: '基本信息',
      rows: [
        row('工号', e.employeeNo),
        row('身份证号', e.idNumber, '未登记'),
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
        row('参保城市', e.insuredCity),
        row('社保增员日期', e.enrolledOn, '未记录'),
      ],
    },
  ];
}
