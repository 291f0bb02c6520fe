// The rates people read, derived from the additive counts (kpi-counts.ts), and the change from
// the previous month. A rate with an empty denominator is null ("no hires due this month"), not
// 100 % or 0 %: the dashboard shows 「—」.
import type { KpiCounts } from './kpi-counts.ts';

export interface KpiFigures {
  /** enrolledOnTime / deadlineHires, in percent with one decimal; null without deadline hires. */
  timelinessPct: number | null;
  /** enrolDaysSum / enrolledHires, one decimal; null when none enrolled. */
  avgDaysToEnrol: number | null;
  /** coveredEmployees / activeEmployees, in percent with one decimal; null without employees. */
  coveragePct: number | null;
  openAlerts: number;
  exceptionsOpen: number;
  reconciliationOpen: number;
}

/** States of an exception still needing HR's work (REMEDIATION: enrol; DRAFT/SUBMITTED: decide). */
export const OPEN_EXCEPTION_STATES = ['REMEDIATION', 'DRAFT', 'SUBMITTED'] as const;

const oneDecimal = (x: number) => Math.round(x * 10) / 10;
const percent = (part: number, whole: number) => (whole === 0 ? null : oneDecimal((part / whole) * 100));

/** @example deriveKpiFigures({ ...emptyKpiCounts(), deadlineHires: 3, enrolledOnTime: 2 }).timelinessPct // 66.7 */
export function deriveKpiFigures(c: KpiCounts): KpiFigures {
  return {
    timelinessPct: percent(c.enrolledOnTime, c.deadlineHires),
    avgDaysToEnrol: c.enrolledHires === 0 ? null : oneDecimal(c.enrolDaysSum / c.enrolledHires),
    coveragePct: percent(c.coveredEmployees, c.activeEmployees),
    openAlerts: c.alertsDay23 + c.alertsDay28 + c.alertsOverdue,
    exceptionsOpen: OPEN_EXCEPTION_STATES.reduce((n, s) => n + (c.exceptionsByState[s] ?? 0), 0),
    reconciliationOpen: Object.values(c.reconciliationByKind).reduce((n, k) => n + k.open, 0),
  };
}

/** current − previous, one decimal; null when either is null. */
export function changeOf(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : oneDecimal(current - previous);
}
