// Daily after the workday: opens one absence case per absence streak of N scheduled workdays
// (company rule, default 3), and one 「核实在岗」 task per `insurance.stopped_while_active` event
// since the last run (stopped contributions are never an absence by themselves). A streak is
// identified by its first absent day, and a case whose checked days reach into the current streak
// is the same streak, so a rerun or the next day's run opens nothing twice; after 已联系上 a
// streak that goes on opens a new case once N more workdays are absent after the contact day.
import { systemActor } from '../../domain/actor.ts';
import { addDays, dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { findAbsenceStreaks, type AbsenceStreak } from './find-absence-streaks.ts';
import { findCheckedStreaks } from './find-checked-streaks.ts';
import type { AttendanceSettings } from './load-attendance-settings.ts';
import { openAbsenceCaseInTx } from './open-absence-case.ts';
import { openVerifyOnDutyTask } from './open-verify-on-duty-task.ts';

export const INSURANCE_EVENT_CURSOR_KEY = 'absence.insurance_event_seq';

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
export async function detectAbsences(deps: ServiceDeps, opts: { asOf: string; settings: AttendanceSettings; log?: Logger }): Promise<DetectAbsencesResult> {
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
  for (const streak of streaks) {
    if (checked.has(streak.employeeId)) continue;
    const opened = await openForStreak(deps, { ...opts, actor, streak });
    if (opened) {
      result.opened++;
      result.cards += opened.cards;
    }
  }
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

async function openForStreak(
  deps: ServiceDeps,
  o: { asOf: string; settings: AttendanceSettings; actor: ReturnType<typeof systemActor>; streak: AbsenceStreak },
): Promise<{ caseId: string; cards: number } | undefined> {
  const { streak } = o;
  const first = streak.days[0] ?? o.asOf;
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`absence:${streak.employeeId}`}, 0))`;
    // Same streak as an earlier case (its checked days reach into this streak): extend it, open nothing.
    const same = await tx.absenceCase.findFirst({ where: { employeeId: streak.employeeId, lastCheckedDay: { gte: parseDay(first) } }, orderBy: { createdAt: 'desc' } });
    let days = streak.days;
    if (same?.state === 'CONTACTED' && same.decidedAt) {
      // 已联系上 but still away: the days after the contact decision count afresh.
      const contactedOn = dayIn(deps.businessTz, same.decidedAt);
      days = streak.days.filter((d) => d > contactedOn);
      if (days.length < o.settings.rules.absenceThresholdWorkdays) return undefined;
    } else if (same) {
      if ((formatDay(same.lastCheckedDay) as string) < o.asOf && streak.days.length > 0) {
        const merged = [...new Set([...same.days, ...streak.days])].sort();
        await tx.absenceCase.updateMany({ where: { id: same.id, lastCheckedDay: same.lastCheckedDay }, data: { lastCheckedDay: parseDay(o.asOf), days: merged, absentDays: merged.length } });
      }
      return undefined;
    }
    const lastClockIn = streak.lastClockInDay
      ? (await tx.attendanceRecord.findFirst({ where: { employeeId: streak.employeeId, day: parseDay(streak.lastClockInDay), NOT: { flags: { has: 'not_signed' } } }, orderBy: { at: 'desc' }, select: { at: true } }))?.at
      : undefined;
    return openAbsenceCaseInTx(deps, tx, {
      actor: o.actor, employeeId: streak.employeeId, trigger: 'attendance', uniqueKey: `att:${streak.employeeId}:${days[0] ?? o.asOf}`, asOf: o.asOf, days,
      ...(lastClockIn && { lastClockIn }), slaHours: o.settings.rules.managerSlaHours,
    });
  });
}
