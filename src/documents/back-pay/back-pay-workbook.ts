// The back-pay table as an Excel workbook (exceljs): numbers as numbers in yuan with two decimals,
// months and due days as dates, so HR can sum and filter in Excel. The 「政策数据未经核实」 warning
// and each month's explanation travel with it.
import ExcelJS from 'exceljs';
import type { BackPay } from '../../domain/money/back-pay.ts';
import { INSURANCE_KIND_LABELS, INSURANCE_KINDS } from '../../domain/policy/insurance-kinds.ts';
import { excelDate, yuan, YUAN_FORMAT } from '../excel-cells.ts';

/** @example await backPayWorkbook(result, { title: '补缴测算 张三' }).xlsx.writeBuffer() */
export function backPayWorkbook(b: BackPay, o: { subject: string }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社保哨兵';
  const ws = wb.addWorksheet('补缴测算');
  const kinds = INSURANCE_KINDS.filter((k) => b.months.some((m) => m.items.some((i) => i.type === k)));
  const head = ['月份', '缴费基数', ...kinds.flatMap((k) => [`${INSURANCE_KIND_LABELS[k]}（单位）`, `${INSURANCE_KIND_LABELS[k]}（个人）`]), '单位合计', '个人合计', '社保费合计', '应缴期限', '逾期天数', '滞纳金', '计算说明'];
  ws.addRow([`补缴测算：${o.subject}，参保城市 ${b.city}（金额单位：元）`]);
  for (const w of b.warnings) ws.addRow([w]);
  const headRow = ws.addRow(head);
  headRow.font = { bold: true };
  for (const m of b.months) {
    const item = (k: string) => m.items.find((i) => i.type === k);
    ws.addRow([
      excelDate(m.month), yuan(m.baseFen), ...kinds.flatMap((k) => [yuan(item(k)?.employerFen ?? 0), yuan(item(k)?.employeeFen ?? 0)]),
      yuan(m.employerFen), yuan(m.employeeFen), yuan(m.totalFen), excelDate(m.dueOn), m.lateDays, yuan(m.lateFeeFen), m.explanation,
    ]);
  }
  const t = b.totals;
  const totals = ws.addRow(['合计', null, ...kinds.flatMap(() => [null, null]), yuan(t.employerFen), yuan(t.employeeFen), yuan(t.totalFen), null, null, yuan(t.lateFeeFen), `应缴总额 ${yuan(t.grandTotalFen).toFixed(2)} 元`]);
  totals.font = { bold: true };
  ws.addRow(['应缴总额', yuan(t.grandTotalFen)]);
  // 1-based columns: month, …amounts…, due day, late days, fee, explanation.
  const n = head.length;
  const formats: Record<number, string> = { 1: 'yyyy-mm', [n - 3]: 'yyyy-mm-dd', [n - 2]: '0' };
  ws.columns.forEach((col, i) => {
    col.width = i + 1 === n ? 80 : 14;
    if (i + 1 < n) col.numFmt = formats[i + 1] ?? YUAN_FORMAT;
  });
  return wb;
}
