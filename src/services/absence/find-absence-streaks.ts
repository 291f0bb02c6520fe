// The employees whose absence streak has reached the threshold, found set-based: one query
// narrows to ACTIVE employees without a valid clock-in in the last `threshold` calendar days
// (a streak of N workdays spans at least N calendar days); then, per batch of those candidates,
// two queries load their clock-in days and approved leave for the lookback. The narrowing runs
// once for the whole roster: paged with LIMIT, PostgreSQL hashed the window's clock-ins of the
// whole roster again for every page (pages × roster, 3.4 s of a 100k steady-state run).
import { Prisma } from '../../generated/prisma/client.ts';
import { countAbsentWorkdays } from '../../domain/attendance/count-absent-workdays.ts';
import { leaveDaysIn } from '../../domain/attendance/recount-absent-workdays.ts';
import { addDays, formatDay, parseDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import type { AttendanceSettings } from './load-attendance-settings.ts';

export interface AbsenceStreak {
  employeeId: string;
  days: string[];
  lastClockInDay?: string;
  missingYears: number[];
}

interface Candidate {
  id: string;
  startDate: Date;
}

/** Streaks of at least `threshold` absent workdays as of `asOf`; with `employeeIds`, those employees' streaks of any length (the insurance trigger). */
export async function findAbsenceStreaks(deps: ServiceDeps, opts: { asOf: string; settings: AttendanceSettings; employeeIds?: string[]; batchSize?: number }): Promise<AbsenceStreak[]> {
  const { rules, calendar } = opts.settings;
  const batchSize = opts.batchSize ?? 500;
  const quietSince = parseDay(addDays(opts.asOf, -(rules.absenceThresholdWorkdays - 1)));
  const lookbackFrom = addDays(opts.asOf, -(rules.lookbackDays - 1));
  const asOf = parseDay(opts.asOf);
  // Explicit employees (the insurance trigger) are looked at whatever their recent attendance.
  const filter = opts.employeeIds
    ? Prisma.sql`AND e.id = ANY(${opts.employeeIds}::uuid[])`
    : Prisma.sql`AND NOT EXISTS (
          SELECT 1 FROM "AttendanceRecord" a
          WHERE a."employeeId" = e.id AND a.day >= ${quietSince}::date AND a.day <= ${asOf}::date
            AND NOT ('not_signed' = ANY(a.flags)))`;
  const minDays = opts.employeeIds ? 0 : rules.absenceThresholdWorkdays;
  const candidates = await deps.db.$queryRaw<Candidate[]>`
    SELECT e.id::text AS id, e."startDate" AS "startDate" FROM "Employee" e
    WHERE e.status = 'ACTIVE' AND e."startDate" <= ${asOf}::date ${filter}
    ORDER BY e.id`;
  const out: AbsenceStreak[] = [];
  for (let i = 0; i < candidates.length; i += batchSize) {
    const batch = candidates.slice(i, i + batchSize);
    const ids = batch.map((c) => c.id);
    const [clockIns, leaves] = await Promise.all([
      // Raw, with the day as text: Prisma's `distinct` and Date mapping doubled this query's time.
      deps.db.$queryRaw<{ employeeId: string; day: string }[]>`
        SELECT DISTINCT "employeeId"::text AS "employeeId", to_char(day, 'YYYY-MM-DD') AS day FROM "AttendanceRecord"
        WHERE "employeeId" = ANY(${ids}::uuid[]) AND day >= ${parseDay(lookbackFrom)}::date AND day <= ${asOf}::date
          AND NOT ('not_signed' = ANY(flags))`,
      deps.db.leaveRecord.findMany({
        where: { employeeId: { in: ids }, approved: true, toDay: { gte: parseDay(lookbackFrom) }, fromDay: { lte: parseDay(opts.asOf) } },
        select: { employeeId: true, fromDay: true, toDay: true },
      }),
    ]);
    const clockInDaysOf = groupDays(clockIns);
    const leaveDaysOf = groupDays(leaves.flatMap((l) => [...leaveDaysIn([{ fromDay: formatDay(l.fromDay) as string, toDay: formatDay(l.toDay) as string }], lookbackFrom, opts.asOf)].map((day) => ({ employeeId: l.employeeId, day }))));
    for (const c of batch) {
      const clockInDays = clockInDaysOf.get(c.id) ?? new Set<string>();
      const leaveDays = leaveDaysOf.get(c.id) ?? new Set<string>();
      const since = formatDay(c.startDate) as string;
      const streak = countAbsentWorkdays({ asOf: opts.asOf, calendar, clockInDays, leaveDays, since, lookbackDays: rules.lookbackDays });
      // Never clocked in since the confirmed first day counts like any other absence: the start
      // date bounds the count (a company not using clock-in at all is skipped by detectAbsences).
      if (streak.days.length >= minDays) out.push({ employeeId: c.id, ...streak });
    }
  }
  return out;
}

function groupDays(rows: { employeeId: string; day: string }[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = map.get(r.employeeId);
    if (!set) map.set(r.employeeId, (set = new Set()));
    set.add(r.day);
  }
  return map;
}
