// Writes the roster samples in test/fixtures/: employees-sample.xlsx and .csv (a small
// company, every column used) and employees-bad.csv (one problem per row, for the 422 path).
// Deterministic, byte for byte: `node scripts/make-import-samples.ts` and commit the result.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { checkDigitOf } from '../src/domain/id-number.ts';
import { listZipEntries } from './list-zip-entries.ts';
import { rosterColumns } from '../src/services/import/roster-columns.ts';

const out = new URL('../test/fixtures/', import.meta.url);
const idNumber = (first17: string) => first17 + checkDigitOf(first17);
const sh = '上海示例科技有限公司';
const sz = '深圳示例信息技术有限公司';
const bj = '北京示例商贸有限公司';

// One object per employee, keyed by the template's headers, so a column added to the template
// (roster-columns.ts) cannot shift the values of the next one. 退休类别: every woman has hers; men
// are derived from the ID number, one is written out. The contract term follows 第十九条: an
// empty 合同结束日期 is 无固定期限, probation within the term's limit.
type Row = Partial<Record<(typeof rosterColumns)[number]['header'], string | number>>;
const person = (
  no: string, name: string, idFirst17: string, startDate: string, department: string, manager: string, position: string,
  city: string, entity: string, wage: number, wecom: string, dingtalk: string, roles: string, status: string,
): Row => ({
  工号: no, 姓名: name, 手机号: `1380100${no.slice(1)}`, 身份证号: idNumber(idFirst17), 入职日期: startDate, 部门: department, 直属上级工号: manager, 岗位: position,
  参保城市: city, 合同主体: entity, 月工资: wage, 企业微信UserID: wecom, 钉钉UserID: dingtalk, 角色: roles, 状态: status,
});
const term = (contractStart: string, contractEnd = '', probationEnd = ''): Row => ({ 合同开始日期: contractStart, 合同结束日期: contractEnd, 试用期截止日期: probationEnd });
const company: Row[] = [
  { ...person('E1001', '王建国', '31010119780315011', '2016-04-01', '总经办', '', '总经理', '上海', sh, 50000, 'WangJianGuo', 'ding-e1001', '管理员', '在职'), 社保增员日期: '2016-04-01', ...term('2016-04-01'), 退休类别: '男' },
  { ...person('E1002', '李静', '11010519850722024', '2017-09-01', '人力资源部', 'E1001', '人事经理', '上海', sh, 28000, 'LiJing', 'ding-e1002', '人事经理', '在职'), 社保增员日期: '2017-09-01', ...term('2017-09-01'), 退休类别: '女干部（原55岁）' },
  { ...person('E1003', '张伟', '32010219920511035', '2021-03-15', '人力资源部', 'E1002', '人事专员', '上海', sh, 12000, 'ZhangWei', 'ding-e1003', '人事专员,员工', '在职'), 社保增员日期: '2021-03-15', ...term('2024-03-15', '2027-03-14') },
  { ...person('E1004', '刘洋', '33010619880130047', '2019-06-03', '财务部', 'E1001', '财务主管', '上海', sh, 22000.5, 'LiuYang', '', '财务', '在职'), 社保增员日期: '2019-06-03', ...term('2019-06-03') },
  { ...person('E1005', '陈晨', '44030519870918052', '2018-11-12', '研发部', 'E1001', '技术总监', '深圳', sz, 45000, 'ChenChen', 'ding-e1005', '', '在职'), ...term('2018-11-12'), 退休类别: '女干部（原55岁）' },
  { ...person('E1006', '杨帆', '44030519950403061', '2022-07-01', '研发部', 'E1005', '后端工程师', '深圳', sz, 26000, 'YangFan', 'ding-e1006', '', '在职'), ...term('2025-07-01', '2028-06-30') },
  { ...person('E1007', '赵敏', '11010519970825078', '2023-02-20', '研发部', 'E1005', '前端工程师', '深圳', sz, 21000, 'ZhaoMin', '', '', '停薪留职'), ...term('2023-02-20', '2028-02-19', '2023-08-19'), 退休类别: '女职工（原50岁）' },
  { ...person('E1008', '黄磊', '31010119930614083', '2024-05-06', '研发部', 'E1005', '测试工程师', '深圳', sz, 16000, 'HuangLei', 'ding-e1008', '', '待离职'), 离职日期: '2026-07-31', ...term('2024-05-06', '2027-05-05', '2024-07-05') },
  { ...person('E1009', '周婷', '32010219990209094', '2026-07-01', '研发部', 'E1005', '产品经理', '深圳', sz, 18000, 'ZhouTing', '', '', '入职中'), ...term('2026-07-01', '2029-06-30', '2026-12-31'), 退休类别: '女职工（原50岁）' },
  { ...person('E1010', '吴昊', '33010619860312105', '2019-01-07', '销售部', 'E1001', '销售总监', '北京', bj, 30000, 'WuHao', 'ding-e1010', '', '在职'), ...term('2019-01-07') },
  { ...person('E1011', '徐丽', '11010519940717118', '2023-08-14', '销售部', 'E1010', '客户经理', '北京', bj, 15000, '', 'ding-e1011', '', '在职'), ...term('2026-08-14', '2029-08-13'), 退休类别: '女职工（原50岁）' },
  { ...person('E1012', '孙强', '11010519910101123', '2022-03-01', '销售部', 'E1010', '销售代表', '北京', bj, 9000, 'SunQiang', '', '', '离职'), 离职日期: '2025-12-31', 社保增员日期: '2022-03-01', ...term('2022-03-01', '2025-12-31', '2022-05-31') },
];
const headers = rosterColumns.map((c) => c.header);
const dateColumns = new Set<string>(['入职日期', '离职日期', '社保增员日期', '合同开始日期', '合同结束日期', '试用期截止日期']);
/** The row's values in the template's column order; a header the row lacks is an empty cell. */
const cells = (r: Row) => headers.map((h) => r[h] ?? '');

const goodId = idNumber('51010719900101123');
const wrongCheckDigit = goodId.slice(0, 17) + (goodId.endsWith('0') ? '1' : '0');
const bad = [
  ['工号', '姓名', '手机号', '身份证号', '入职日期', '部门', '直属上级工号', '角色'],
  ['B2001', '郑好', '13902002001', idNumber('51010719900101011'), '2026-01-05', '研发部', '', ''], // row 2: valid
  ['B2002', '钱多', '13902002002', wrongCheckDigit, '2026-01-05', '研发部', '', ''], // row 3: check digit
  ['B2003', '冯雪', '13902002003', '', '2026-02-30', '研发部', '', ''], // row 4: no such day
  ['B2004', '', '13902002004', '', '2026-01-05', '研发部', '', ''], // row 5: 姓名 missing
  ['B2005', '韩梅', '13902002005', '', '2026-01-05', '研发部', 'E9999', ''], // row 6: unknown manager
  ['B2001', '卫东', '13902002006', '', '2026-01-05', '研发部', '', ''], // row 7: 工号 repeats row 2
  ['B2006', '蒋凡', '1234567', '', '2026-01-05', '研发部', '', ''], // row 8: not a mobile
  ['B2007', '沈冰', '13902002008', '', '2026-01-05', '研发部', '', '经理'], // row 9: not a role
];

writeFileSync(new URL('employees-sample.csv', out), csv([headers, ...company.map((r) => cells(r).map(String))]));
writeFileSync(new URL('employees-bad.csv', out), csv(bad));
writeFileSync(new URL('employees-sample.xlsx', out), await xlsx());

/** Excel's "CSV UTF-8": BOM, CRLF, quotes only where needed. */
function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Dates as real Excel date cells and 身份证号/手机号 as text, as a careful HR person would. */
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shebao-sentinel';
  wb.created = wb.modified = new Date(Date.UTC(2026, 0, 1));
  const ws = wb.addWorksheet('员工名册');
  ws.addRow(headers).font = { bold: true };
  for (const r of company) {
    const row = ws.addRow(cells(r).map((v, i) => (dateColumns.has(headers[i] ?? '') && v !== '' ? new Date(`${v}T00:00:00Z`) : v === '' ? null : v)));
    row.eachCell((c, col) => {
      if (dateColumns.has(headers[col - 1] ?? '')) c.numFmt = 'yyyy-mm-dd';
      else if (typeof c.value === 'string') c.numFmt = '@';
    });
  }
  ws.columns.forEach((c) => (c.width = 14));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  pinZipTimestamps(buf);
  return buf;
}

/** JSZip stamps entries with the current time; 1980-01-01 00:00 keeps the file reproducible. */
function pinZipTimestamps(buf: Buffer): void {
  for (const entry of listZipEntries(buf) ?? []) {
    buf.writeUInt32LE(0x00210000, entry.centralOffset + 12); // time 00:00:00, date 1980-01-01
    buf.writeUInt32LE(0x00210000, entry.localOffset + 10);
  }
}
