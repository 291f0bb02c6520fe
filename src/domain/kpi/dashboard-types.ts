// The dashboard API's answer (GET /api/v1/dashboard): one module imported by the service and
// the H5 page, so the two cannot drift.
import type { KpiScore, KpiScoring } from './kpi-scoring.ts';

export interface DashboardFigure {
  key: 'timeliness' | 'avgDaysToEnrol' | 'coverage' | 'openAlerts' | 'exceptionsOpen' | 'reverifyDue' | 'absencesOpen' | 'exitsOpen' | 'exitTasksOverdue' | 'reconciliationOpen' | 'backPayEvents' | 'complaints';
  label: string;
  /** null: nothing to measure this month (no hires due, no employees). */
  value: number | null;
  previous: number | null;
  /** value − previous; null when either is missing. */
  change: number | null;
  unit: '%' | '天' | '条' | '人' | '件' | '次';
  /** Which direction is good: a rising timeliness is good, rising open alerts are not. */
  better: 'up' | 'down';
  /** The H5 list behind the figure, or null when there is none. */
  link: string | null;
  /** What is counted, for people (numerator / denominator, which month). */
  definition: string;
}

export interface DashboardTrendPoint {
  month: string;
  timelinessPct: number | null;
  coveragePct: number | null;
  deadlineHires: number;
  enrolledOnTime: number;
  activeEmployees: number;
  coveredEmployees: number;
}

export interface DashboardDepartmentRow {
  departmentId: string;
  name: string;
  /** The chosen department's own staff, apart from its sub-departments. */
  own: boolean;
  deadlineHires: number;
  enrolledOnTime: number;
  timelinessPct: number | null;
  activeEmployees: number;
  coveredEmployees: number;
  coveragePct: number | null;
  openAlerts: number;
  exceptionsOpen: number;
  absencesOpen: number;
  exitsOpen: number;
  exitTasksOverdue: number;
  backPayEvents: number;
  /** Fen; null for roles that may not see amounts. */
  backPayFen: number | null;
  complaints: number;
  score: number;
}

export interface Dashboard {
  month: string;
  previousMonth: string;
  /** Snapshot figures are as at the end of this day (the month's last day, or today). */
  snapshotDay: string;
  department: { id: string; name: string } | null;
  figures: DashboardFigure[];
  alertsByStage: { day23: number; day28: number; overdue: number };
  exceptionsByState: { state: string; label: string; count: number }[];
  reconciliationByKind: { kind: string; label: string; total: number; open: number }[];
  backPay: {
    events: number;
    months: number;
    eventsThisYear: number;
    /** Fen, and as 「¥1,234.56」; null for roles that may not see amounts. */
    amountFen: number | null;
    amountText: string | null;
    /** Events without a wage, city or policy to price them. */
    unpriced: number;
  };
  trend: DashboardTrendPoint[];
  departments: DashboardDepartmentRow[];
  score: KpiScore & { rules: KpiScoring; note: string };
  /** Whether the viewer may see amounts (HR manager, finance, admin). */
  amountsVisible: boolean;
}
