// The compliance KPIs of one month and one department (with its sub-departments), as additive
// counts: the service counts them per department in SQL, the totals are their sums, and every
// rate is derived from the sums (never an average of rates). Each count says what it counts.
//
// Two kinds of month:
// - cohort figures belong to the month their legal deadline or event fell in (timeliness,
//   days to enrol, back-pay);
// - snapshot figures are the state at the end of the month's last day (Asia/Shanghai), or at the
//   end of today for the current month (coverage, open alerts, exceptions, absences, exits, tasks).

/** Counts of one department bucket; all additive. */
export interface KpiCounts {
  /**
   * Denominator of 社保缴纳及时率 (enrolment timeliness): hires whose legal enrolment deadline
   * (社会保险法 第五十八条: 自用工之日起三十日内, day 30 = clock start + 30 days, rolled forward
   * over 法定休假日 per 民法典 第二百零三条) fell in the month. The clock runs from the first day of
   * work, or from a lapsed exception's restart day. Any status counts (a hire who left is still
   * owed registration), except one who never started (入职中 → 离职) or left before the clock
   * started, and an approved exception that owes nothing here (student intern, dispatched worker).
   */
  deadlineHires: number;
  /** Numerator: of those, enrolled on or before the legal deadline (first enrolment row or roster 社保增员日期). */
  enrolledOnTime: number;
  /** Of the deadline hires, those enrolled at all (so far): the denominator of the average days. */
  enrolledHires: number;
  /** Sum over the enrolled deadline hires of (first enrolment − clock start) in calendar days. */
  enrolDaysSum: number;
  /** Enrolment alerts open at the snapshot, by stage: 'day23' (warning), 'day28' (escalation), 'overdue-N'. */
  alertsDay23: number;
  alertsDay28: number;
  alertsOverdue: number;
  /**
   * Denominator of coverage (员工社保缴纳率): employees employed on the snapshot day (started on or
   * before it, no exit date before it), never-started hires excluded.
   */
  activeEmployees: number;
  /**
   * Numerator: of those, insured on the snapshot day (an enrolment row in force, or the roster's
   * 社保增员日期 on or before it) or holding an approved lawful exception (not a waiver request,
   * which is void in law: 社会保险法 第五十八条) then in force.
   */
  coveredEmployees: number;
  /** Insurance exceptions created by the snapshot, by their current state (REMEDIATION, DRAFT, …). */
  exceptionsByState: Record<string, number>;
  /** Approved exceptions whose quarterly re-verification day is on or before the snapshot. */
  reverifyDue: number;
  /** Absence cases open at the snapshot (opened by then, not decided by then). */
  absencesOpen: number;
  /** Exit processes open at the snapshot (started by then, not closed by then). */
  exitsOpen: number;
  /** Exit checklist tasks due before the snapshot day and not done by the snapshot. */
  exitTasksOverdue: number;
  /** Reconciliation tasks of the month (contribution month), by category: total and still open. */
  reconciliationByKind: Record<string, { total: number; open: number }>;
  /**
   * Back-pay (补缴) events of the month: hires whose first enrolment fell in the month but after
   * the month their clock started, so the months before were paid late (社会保险法 第八十六条).
   */
  backPayEvents: number;
  /** Months paid late over those events. */
  backPayMonths: number;
  /**
   * 员工社保投诉: complaints (kind COMPLAINT) made in the month (Asia/Shanghai), counted in the
   * department the employee was in when complaining (issue 18 item 4).
   */
  complaints: number;
}

export const emptyKpiCounts = (): KpiCounts => ({
  deadlineHires: 0, enrolledOnTime: 0, enrolledHires: 0, enrolDaysSum: 0,
  alertsDay23: 0, alertsDay28: 0, alertsOverdue: 0, activeEmployees: 0, coveredEmployees: 0,
  exceptionsByState: {}, reverifyDue: 0, absencesOpen: 0, exitsOpen: 0, exitTasksOverdue: 0,
  reconciliationByKind: {}, backPayEvents: 0, backPayMonths: 0, complaints: 0,
});

const addRecords = <T>(a: Record<string, T>, b: Record<string, T>, plus: (x: T | undefined, y: T) => T): Record<string, T> => {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = plus(out[k], v);
  return out;
};

/** The sum of two buckets: the totals of a department and its sub-departments. */
export function addKpiCounts(a: KpiCounts, b: KpiCounts): KpiCounts {
  const out = { ...a };
  for (const key of Object.keys(a) as (keyof KpiCounts)[]) {
    if (typeof a[key] === 'number') (out[key] as number) = (a[key] as number) + (b[key] as number);
  }
  out.exceptionsByState = addRecords(a.exceptionsByState, b.exceptionsByState, (x, y) => (x ?? 0) + y);
  out.reconciliationByKind = addRecords(a.reconciliationByKind, b.reconciliationByKind, (x, y) => ({ total: (x?.total ?? 0) + y.total, open: (x?.open ?? 0) + y.open }));
  return out;
}
