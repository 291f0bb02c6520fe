// The year's points for the performance system as an Excel workbook (exceljs): one row per
// employee with 工号, 姓名, 部门, 积分 (a number) and 明细 (each award with its day and reason).
import ExcelJS from 'exceljs';

export interface PointsExportRow {
  employeeNo: string;
  name: string;
  department: string;
  total: number;
  /** 'YYYY-MM-DD 按时上传证明 +2：…' per award, oldest first. */
  details: string[];
}

export const POINTS_EXPORT_HEADER = ['工号', '姓名', '部门', '积分', '明细'] as const;

/** @example await pointsWorkbook(2026, rows).xlsx.writeBuffer() */
export function pointsWorkbook(year: number, rows: readonly PointsExportRow[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社保哨兵';
  const ws = wb.addWorksheet(`${year}年积分`);
  ws.columns = [{ width: 12 }, { width: 10 }, { width: 16 }, { width: 8 }, { width: 80 }];
  ws.addRow([...POINTS_EXPORT_HEADER]).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([r.employeeNo, r.name, r.department, r.total, r.details.join('\n')]);
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return wb;
}
