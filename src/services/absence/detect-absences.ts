// Daily after the workday: opens one absence case per absence streak of N scheduled workdays
// (company rule, default 3), and one 「核实在岗」 task per `insurance.stopped_while_active` event
// since the last run (stopped contributions are never an absence by themselves). A streak is
// identified by its first absent day, and a case whose checked days reach into the current streak
// is the same streak, so a rerun or the next day's run opens nothing twice; after 已联系上 a
// streak that goes on opens a new case once N more workdays are absent after the contact day.
import { systemActor } from '../../domain/actor.ts';
import { addDays, parseDay } from '../../domain/dates.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { findAbsenceStreaks } from './find-absence-streaks.ts';
import { findCheckedStreaks } from './find-checked-streaks.ts';
import type { AttendanceSettings } from './load-attendance-settings.ts';
import { openCasesForStreaks } from './open-cases-for-streaks.ts';
import { openVerifyOnDutyTask } from './open-verify-on-duty-task.ts';

export const INSURANCE_EVENT_CURSOR_KEY = 'absence.insurance_event_seq';
/** Streaks per transaction. */
const STREAK_BATCH = 200;
/** Detection batches (transactions) open at once. */
const PARALLEL_BATCHES = 2;

export interface DetectAbsencesResult {
  streaks: number;
  opened: number;
  /** 「核实在岗」 tasks opened for insurance.stopped_while_active events. */
  verifyTasks: number;
  cards: number;
  /** True when no attendance at all was recorded in the window: detection was skipped. */
  noAttendanceData: boolean;
  missingYears: number[];
}

/**
 * @example
 *   await detectAbsences(deps, { asOf: '2026-10-10', settings: await loadAttendanceSettings(deps.db) })
 *   // → { streaks: 1, opened: 1, verifyTasks: 0, cards: 1, noAttendanceData: false, missingYears: [] }
 */
export async function detectAbsences(deps: ServiceDeps, opts: { asOf: string; settings: AttendanceSettings; log?: Logger; streakBatch?: number }): Promise<DetectAbsencesResult> {
  const { rules } = opts.settings;
  const actor = systemActor('job:absence-detection', '缺勤检测');
  const result: DetectAbsencesResult = { streaks: 0, opened: 0, verifyTasks: 0, cards: 0, noAttendanceData: false, missingYears: [] };
  // A company that does not use clock-in (or whose sync is broken) would otherwise flag everyone.
  const windowFrom = parseDay(addDays(opts.asOf, -(rules.lookbackDays - 1)));
  const anyAttendance = await deps.db.attendanceRecord.findFirst({ where: { day: { gte: windowFrom, lte: parseDay(opts.asOf) } }, select: { id: true } });
  const streaks = anyAttendance ? await findAbsenceStreaks(deps, { asOf: opts.asOf, settings: opts.settings }) : [];
  result.noAttendanceData = !anyAttendance;
  result.streaks = streaks.length;
  const missing = new Set(streaks.flatMap((s) => s.missingYears));
  const checked = await findCheckedStreaks(deps, { streaks, asOf: opts.asOf });
  const pending = streaks.filter((s) => !checked.has(s.employeeId));
  // Bounded batches, one transaction each: a first run over a large roster neither holds one
  // huge transaction nor pays a transaction per absent employee.
  // Two batches in flight: each is mostly round trips, and their employees (hence their locks and
  // unique keys) are disjoint, so they neither wait for nor deadlock each other.
  const size = opts.streakBatch ?? STREAK_BATCH;
  const batches = Array.from({ length: Math.ceil(pending.length / size) }, (_, i) => pending.slice(i * size, (i + 1) * size));
  const openBatches = async () => {
    for (let batch = batches.shift(); batch; batch = batches.shift()) {
      const opened = await openCasesForStreaks(deps, { asOf: opts.asOf, settings: opts.settings, actor, streaks: batch });
      result.opened += opened.length;
      result.cards += opened.reduce((sum, o) => sum + o.cards, 0);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_BATCHES }, openBatches));
  // insurance.stopped_while_active (written by the contribution reconciliation) since the last run.
  const cursorRow = await deps.db.appMeta.findUnique({ where: { key: INSURANCE_EVENT_CURSOR_KEY } });
  const events = await deps.db.auditEvent.findMany({
    where: { type: 'insurance.stopped_while_active', seq: { gt: BigInt(cursorRow?.value ?? '0') } },
    select: { seq: true, data: true },
    orderBy: { seq: 'asc' },
    take: 1000,
  });
  for (const event of events) {
    const data = event.data as { employeeId?: string; month?: string; lastPaidMonth?: string };
    if (!data.employeeId || !data.month) continue;
    // A payroll problem, not an absentee: HR verifies; only the attendance records open a case.
    if (await openVerifyOnDutyTask(deps, { actor, employeeId: data.employeeId, month: data.month, lastPaidMonth: data.lastPaidMonth ?? '', asOf: opts.asOf })) result.verifyTasks++;
  }
  const last = events.at(-1);
  if (last) await deps.db.appMeta.upsert({ where: { key: INSURANCE_EVENT_CURSOR_KEY }, create: { key: INSURANCE_EVENT_CURSOR_KEY, value: String(last.seq) }, update: { value: String(last.seq) } });
  result.missingYears = [...missing].sort();
  return result;
}
