// Which days a KPI month covers. Months are 'YYYY-MM' in the business time zone (Asia/Shanghai).
import { lastDayOf } from '../money/months.ts';

export interface KpiMonth {
  month: string;
  firstDay: string;
  lastDay: string;
  /** The day snapshot figures are taken at the end of: the month's last day, or today in the current month. */
  snapshotDay: string;
}

/** @example kpiMonth('2026-12', '2026-12-07').snapshotDay // '2026-12-07' */
export function kpiMonth(month: string, today: string): KpiMonth {
  const lastDay = lastDayOf(month);
  return { month, firstDay: `${month}-01`, lastDay, snapshotDay: today < lastDay ? today : lastDay };
}

/** The month `n` months after (negative: before) `month`. */
export function shiftKpiMonth(month: string, n: number): string {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}
