// 社保合规月报 as an Excel workbook for a month, as the asking role may see it (amount columns only
// with 'kpi.readAmounts'). Used by GET /api/v1/dashboard/report.xlsx and `sentinel report monthly`.
import type ExcelJS from 'exceljs';
import type { Actor } from '../../domain/actor.ts';
import { monthlyReportWorkbook } from '../../documents/kpi/monthly-report-workbook.ts';
import type { ServiceDeps } from '../deps.ts';
import { getMonthlyReport } from './get-monthly-report.ts';

/** 「社保合规月报-2026-12.xlsx」 */
export const monthlyReportFileName = (month: string) => `社保合规月报-${month}.xlsx`;

/** @example await (await buildMonthlyReportWorkbook(deps, { actor, month: '2026-12' })).xlsx.writeFile('月报.xlsx') */
export async function buildMonthlyReportWorkbook(deps: Pick<ServiceDeps, 'db' | 'now' | 'businessTz'>, o: { actor: Actor; month: string }): Promise<ExcelJS.Workbook> {
  return monthlyReportWorkbook(await getMonthlyReport(deps, o));
}
