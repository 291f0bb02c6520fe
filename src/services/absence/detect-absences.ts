// Daily after the workday: opens one absence case per absence streak of N scheduled workdays
// (company rule, default 3) and one per `insurance.stopped_while_active` event since the last run.
// A streak is identified by its first absent day, and a case whose checked days reach into the
// current streak is the same streak, so a rerun or the next day's run opens nothing twice.
import { systemActor } from '../../domain/actor.ts';
import { addDays, formatDay, parseDay } from '../../domain/dates.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { findAbsenceStreaks, type AbsenceStreak } from './find-absence-streaks.ts';
import type { AttendanceSettings } from './load-attendance-settings.ts';
import { openAbsenceCaseInTx } from './open-absence-case.ts';

export const INSURANCE_EVENT_CURSOR_KEY = 'absence.insurance_event_seq';

export interface DetectAbsencesResult {
  streaks: number;
  opened: number;
  insuranceOpened: number;
  cards: number;
  /** True when no attendance at all was recorded in the window: detection was skipped. */
  noAttendanceData: boolean;
  missingYears: number[];
}

/**
 * @example
 *   await detectAbsences(deps, { asOf: '2026-10-10', settings: await loadAttendanceSettings(deps.db) })
 *   // → { streaks: 1, opened: 1, insuranceOpened: 0, cards: 1, noAttendanceData: false, missingYears: [] }
 */
export async function detectAbsences(deps: ServiceDeps, opts: { asOf: string; settings: AttendanceSettings; log?: Logger }): Promise<DetectAbsencesResult> {
  const { rules } = opts.settings;
  const actor = systemActor('job:absence-detection', '缺勤检测');
  const result: DetectAbsencesResult = { streaks: 0, opened: 0, insuranceOpened: 0, cards: 0, noAttendanceData: false, missingYears: [] };
  // A company that does not use clock-in (or whose sync is broken) would otherwise flag everyone.
  const windowFrom = parseDay(addDays(opts.asOf, -(rules.lookbackDays - 1)));
  const anyAttendance = await deps.db.attendanceRecord.findFirst({ where: { day: { gte: windowFrom, lte: parseDay(opts.asOf) } }, select: { id: true } });
  const streaks = anyAttendance ? await findAbsenceStreaks(deps, { asOf: opts.asOf, settings: opts.settings }) : [];
  result.noAttendanceData = !anyAttendance;
  result.streaks = streaks.length;
  const missing = new Set(streaks.flatMap((s) => s.missingYears));
  for (const streak of streaks) {
    const opened = await openForStreak(deps, { ...opts, actor, streak, trigger: 'attendance', uniqueKey: `att:${streak.employeeId}:${streak.days[0]}` });
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
    const data = event.data as { employeeId?: string; month?: string };
    if (!data.employeeId || !data.month) continue;
    const busy = await deps.db.absenceCase.findFirst({ where: { employeeId: data.employeeId, state: { in: ['OPEN', 'UNREACHABLE'] } }, select: { id: true } });
    if (busy) continue;
    const [streak] = await findAbsenceStreaks(deps, { asOf: opts.asOf, settings: opts.settings, employeeIds: [data.employeeId] });
    if (!streak) continue; // no longer ACTIVE, or not yet started
    streak.missingYears.forEach((y) => missing.add(y));
    const opened = await openForStreak(deps, { ...opts, actor, streak, trigger: 'insurance_stopped', uniqueKey: `ins:${data.employeeId}:${data.month}` });
    if (opened) {
      result.insuranceOpened++;
      result.cards += opened.cards;
    }
  }
  const last = events.at(-1);
  if (last) await deps.db.appMeta.upsert({ where: { key: INSURANCE_EVENT_CURSOR_KEY }, create: { key: INSURANCE_EVENT_CURSOR_KEY, value: String(last.seq) }, update: { value: String(last.seq) } });
  result.missingYears = [...missing].sort();
  return result;
}

async function openForStreak(
  deps: ServiceDeps,
  o: { asOf: string; settings: AttendanceSettings; actor: ReturnType<typeof systemActor>; streak: AbsenceStreak; trigger: 'attendance' | 'insurance_stopped'; uniqueKey: string },
): Promise<{ caseId: string; cards: number } | undefined> {
  const { streak } = o;
  const first = streak.days[0] ?? o.asOf;
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`absence:${streak.employeeId}`}, 0))`;
    // Same streak as an earlier case (its checked days reach into this streak): extend it, open nothing.
    const same = await tx.absenceCase.findFirst({ where: { employeeId: streak.employeeId, lastCheckedDay: { gte: parseDay(first) } }, orderBy: { createdAt: 'desc' } });
    if (same) {
      if ((formatDay(same.lastCheckedDay) as string) < o.asOf && streak.days.length > 0) {
        const days = [...new Set([...same.days, ...streak.days])].sort();
        await tx.absenceCase.updateMany({ where: { id: same.id, lastCheckedDay: same.lastCheckedDay }, data: { lastCheckedDay: parseDay(o.asOf), days, absentDays: days.length } });
      }
      return undefined;
    }
    const lastClockIn = streak.lastClockInDay
      ? (await tx.attendanceRecord.findFirst({ where: { employeeId: streak.employeeId, day: parseDay(streak.lastClockInDay), NOT: { flags: { has: 'not_signed' } } }, orderBy: { at: 'desc' }, select: { at: true } }))?.at
      : undefined;
    return openAbsenceCaseInTx(deps, tx, {
      actor: o.actor, employeeId: streak.employeeId, trigger: o.trigger, uniqueKey: o.uniqueKey, asOf: o.asOf, days: streak.days,
      ...(lastClockIn && { lastClockIn }), slaHours: o.settings.rules.managerSlaHours,
    });
  });
}
