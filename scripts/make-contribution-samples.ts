// Writes the contribution samples in test/fixtures/: contributions-sample.csv and .xlsx (January
// 2026 for E1001–E1003 of employees-sample, all five insurances at Shanghai rates) and
// contributions-bad.csv (one problem per row, for the 422 path). `node scripts/make-contribution-samples.ts`.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { checkDigitOf } from '../src/domain/id-number.ts';
import { contributionColumns } from '../src/services/contributions/contribution-columns.ts';

const out = new URL('../test/fixtures/', import.meta.url);
const idNumber = (first17: string) => first17 + checkDigitOf(first17);
const sh = '上海示例科技有限公司';
const people = [
  ['E1001', '王建国', idNumber('31010119780315011'), 36_549],
  ['E1002', '李静', idNumber('11010519850722024'), 28_000],
  ['E1003', '张伟', idNumber('32010219920511035'), 12_000],
] as const;
/** Employer and employee rates in basis points (Shanghai 2025). */
const rates: [string, number, number][] = [['养老', 1600, 800], ['医疗', 900, 200], ['失业', 50, 50], ['工伤', 16, 0], ['生育', 100, 0]];
const yuan = (baseYuan: number, bp: number) => (Math.round((baseYuan * bp) / 100) / 100).toFixed(2);

const headers = contributionColumns.map((c) => c.header);
const sample = people.flatMap(([no, name, id, base]) =>
  rates.map(([type, er, ee]) => [no, name, id, '2026-01', type, base.toFixed(2), yuan(base, er), yuan(base, ee), '上海', sh]),
);
const bad = [
  ['工号', '所属期', '险种', '缴费基数', '单位缴纳', '个人缴纳'],
  ['E1001', '2026-01', '养老', '36549', '5847.84', '2923.92'], // row 2: valid
  ['E9999', '2026-01', '养老', '10000', '1600', '800'], // row 3: unknown 工号
  ['E1002', '2026-13', '养老', '28000', '4480', '2240'], // row 4: no such month
  ['E1002', '2026-01', '住房公积金', '28000', '1960', '1960'], // row 5: not an insurance
  ['E1003', '2026-01', '养老', '12000', '1920.005', '960'], // row 6: more than two decimals
  ['E1001', '2026-01', '养老保险', '36549', '5847.84', '2923.92'], // row 7: repeats row 2
];

writeFileSync(new URL('contributions-sample.csv', out), csv([headers, ...sample]));
writeFileSync(new URL('contributions-bad.csv', out), csv(bad));
writeFileSync(new URL('contributions-sample.xlsx', out), await xlsx());

function csv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

/** Amounts as number cells and 身份证号 as text, as the social-insurance system exports them. */
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2026, 1, 1));
  const ws = wb.addWorksheet('缴费明细');
  ws.addRow(headers).font = { bold: true };
  for (const r of sample) ws.addRow(r.map((v, i) => (i >= 5 && i <= 7 ? Number(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
