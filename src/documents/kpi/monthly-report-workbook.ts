// 社保合规月报 as an Excel workbook: one sheet per area, written from the dashboard's own answer
// (getDashboard), so the file, the card and the H5 dashboard show the same numbers. Amount
// columns appear only when the dashboard carries amounts (roles with 'kpi.readAmounts').
import ExcelJS from 'exceljs';
import type { Dashboard, DashboardFigure } from '../../domain/kpi/dashboard-types.ts';
import { addReportSheet, type ColumnKind, type ReportCell, type ReportColumn } from './report-sheet.ts';

/** The sheets, in order. */
export const MONTHLY_REPORT_SHEETS = ['概览', '考核得分', '增员及时率', '参保覆盖', '预警', '补缴', '例外', '缺勤与离职', '对账任务', '部门'] as const;

export interface MonthlyReportInput {
  report: Dashboard;
  /** The previous month's KPI score under today's rules; null when unknown. */
  previousScore: number | null;
}

const col = (header: string, kind: ColumnKind): ReportColumn => ({ header, kind });
const kindOfUnit = (unit: DashboardFigure['unit']): ColumnKind => (unit === '%' ? 'pct' : unit === '天' ? 'decimal' : 'count');

/** @example await monthlyReportWorkbook({ report, previousScore: 95 }).xlsx.writeBuffer() */
export function monthlyReportWorkbook({ report: r, previousScore }: MonthlyReportInput): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '社保哨兵';
  overview(wb, r, previousScore);
  addReportSheet(wb, '考核得分', [col('项目', 'text'), col('分数', 'decimal'), col('说明', 'text')], [
    ['合规考核得分', r.score.score, `满分 ${r.score.fullScore}`],
    ...r.score.deductions.map((d): ReportCell[] => [`扣分：${d.label}`, -d.points, d.reason]),
  ]);
  const trendColumns = (what: string[]) => [col('月份', 'month'), ...what.slice(0, 2).map((h) => col(h, 'count')), col(what[2] as string, 'pct')];
  addReportSheet(wb, '增员及时率', trendColumns(['截止日在本月的新员工', '按时增员', '社保缴纳及时率']), r.trend.map((p) => [p.month, p.deadlineHires, p.enrolledOnTime, p.timelinessPct]));
  addReportSheet(wb, '参保覆盖', trendColumns(['月末在职员工', '已参保或有合法例外', '员工社保缴纳率']), r.trend.map((p) => [p.month, p.activeEmployees, p.coveredEmployees, p.coveragePct]));
  const a = r.alertsByStage;
  addReportSheet(wb, '预警', [col('未处理增员提醒阶段', 'text'), col('人数', 'count')], [['第23日提醒', a.day23], ['第28日升级', a.day28], ['已逾期', a.overdue], ['合计', a.day23 + a.day28 + a.overdue]]);
  backPaySheet(wb, r);
  const figure = (key: DashboardFigure['key']) => r.figures.find((f) => f.key === key)?.value ?? null;
  addReportSheet(wb, '例外', [col('参保例外状态', 'text'), col('件数', 'count')], [
    ...r.exceptionsByState.map((e): ReportCell[] => [e.label, e.count]),
    ['到期待复核（已批准）', figure('reverifyDue')],
  ]);
  addReportSheet(wb, '缺勤与离职', [col('项目', 'text'), col('件数', 'count')], [
    ['未结旷工案件', figure('absencesOpen')], ['进行中的离职', figure('exitsOpen')], ['逾期离职事项', figure('exitTasksOverdue')],
  ]);
  addReportSheet(wb, '对账任务', [col('差异类型', 'text'), col('本月差异', 'count'), col('未处理', 'count')], r.reconciliationByKind.map((k) => [k.label, k.total, k.open]));
  departmentSheet(wb, r);
  return wb;
}

function overview(wb: ExcelJS.Workbook, r: Dashboard, previousScore: number | null): void {
  const rows: ReportCell[][] = [
    ['月份', r.month, null, null, '', ''],
    ['统计截至', r.snapshotDay, null, null, '', '时点指标为该日日终的状态'],
    ['范围', r.department ? `${r.department.name}（含下级部门）` : '全公司', null, null, '', ''],
    ['合规考核得分', r.score.score, previousScore, previousScore === null ? null : Math.round((r.score.score - previousScore) * 10) / 10, '分', r.score.note],
    ...r.figures.map((f): ReportCell[] => [f.label, f.value, f.previous, f.change, f.unit, f.definition]),
  ];
  const units = rows.map((row) => row[4] as string);
  const metaKinds: ColumnKind[] = ['month', 'day', 'text'];
  addReportSheet(wb, '概览', [col('指标', 'text'), col('本月', 'decimal'), col('上月', 'decimal'), col('较上月', 'decimal'), col('单位', 'text'), col('说明', 'text')], rows, (row, c) => {
    if (row < 3 && c === 1) return metaKinds[row];
    if (c >= 1 && c <= 3 && row >= 4) return kindOfUnit(units[row] as DashboardFigure['unit']);
    return undefined;
  });
}

function backPaySheet(wb: ExcelJS.Workbook, r: Dashboard): void {
  const b = r.backPay;
  const rows: ReportCell[][] = [['本月补缴次数', b.events], ['补缴月数', b.months], ['本年累计补缴次数', b.eventsThisYear], ['缺少工资、城市或政策未计价的次数', b.unpriced]];
  if (r.amountsVisible && b.amountFen !== null) rows.push(['本月补缴金额（元，含滞纳金）', b.amountFen]);
  addReportSheet(wb, '补缴', [col('项目', 'text'), col('数值', 'count')], rows, (row, c) => (c === 1 && row === 4 ? 'fen' : undefined));
}

function departmentSheet(wb: ExcelJS.Workbook, r: Dashboard): void {
  const amounts = r.amountsVisible;
  const columns = [
    col('部门', 'text'), col('截止日在本月的新员工', 'count'), col('按时增员', 'count'), col('社保缴纳及时率', 'pct'),
    col('月末在职员工', 'count'), col('已参保或有合法例外', 'count'), col('员工社保缴纳率', 'pct'), col('未处理增员提醒', 'count'),
    col('待处理例外', 'count'), col('未结旷工案件', 'count'), col('进行中的离职', 'count'), col('逾期离职事项', 'count'),
    col('补缴次数', 'count'), ...(amounts ? [col('补缴金额（元）', 'fen')] : []), col('员工社保投诉', 'count'), col('考核得分', 'decimal'),
  ];
  addReportSheet(wb, '部门', columns, r.departments.map((d) => [
    d.own ? `${d.name}（本部门人员）` : d.name, d.deadlineHires, d.enrolledOnTime, d.timelinessPct,
    d.activeEmployees, d.coveredEmployees, d.coveragePct, d.openAlerts,
    d.exceptionsOpen, d.absencesOpen, d.exitsOpen, d.exitTasksOverdue,
    d.backPayEvents, ...(amounts ? [d.backPayFen] : []), d.complaints, d.score,
  ]));
}
