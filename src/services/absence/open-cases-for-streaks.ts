// One detection batch (a few hundred absence streaks) in one transaction: lock the employees,
// read their latest cases and last clock-ins in one query each, extend the cases that are the
// same streak, and open the new ones set-based (open-absence-case.ts).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { dayIn, formatDay, parseDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import type { AbsenceStreak } from './find-absence-streaks.ts';
import type { AttendanceSettings } from './load-attendance-settings.ts';
import { openAbsenceCasesInTx, type NewAbsenceCase } from './open-absence-case.ts';

interface EarlierCase {
  id: string;
  employeeId: string;
  state: string;
  decidedAt: Date | null;
  lastCheckedDay: Date;
  days: string[];
}

/** @example await openCasesForStreaks(deps, { asOf, settings, actor, streaks }) // → [{ caseId, cards }, …] */
export async function openCasesForStreaks(
  deps: ServiceDeps,
  o: { asOf: string; settings: AttendanceSettings; actor: Actor; streaks: readonly AbsenceStreak[] },
): Promise<{ caseId: string; cards: number }[]> {
  const firstDay = (s: AbsenceStreak) => s.days[0] ?? o.asOf;
  const earliest = o.streaks.map(firstDay).sort()[0];
  if (!earliest) return [];
  const ids = o.streaks.map((s) => s.employeeId);
  return deps.db.$transaction(async (tx) => {
    // Two instances detecting at once: the lock makes each employee's read-decide-write (extend
    // the same streak's case, or open a new one after 已联系上) serial, as the per-employee lock
    // before did. The locks are taken in one statement in a fixed (byte) order, so two batches
    // that share employees wait for each other and never deadlock; the case's unique key with
    // skipDuplicates stays the last guard that a case (hence its cards) is opened once.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('absence:' || id, 0))
      FROM (SELECT DISTINCT id COLLATE "C" AS id FROM unnest(${ids}::text[]) AS u(id) ORDER BY id) AS sorted`;
    const earlier = await tx.absenceCase.findMany({
      where: { employeeId: { in: ids }, lastCheckedDay: { gte: parseDay(earliest) } },
      select: { id: true, employeeId: true, state: true, decidedAt: true, lastCheckedDay: true, days: true },
      orderBy: { createdAt: 'desc' },
    });
    const casesOf = Map.groupBy(earlier, (c) => c.employeeId);
    const toOpen: AbsenceStreak[] = [];
    const toExtend: { same: EarlierCase; streak: AbsenceStreak }[] = [];
    for (const streak of o.streaks) {
      // Same streak as an earlier case (the latest whose checked days reach into this streak): extend it, open nothing.
      const first = parseDay(firstDay(streak));
      const same = casesOf.get(streak.employeeId)?.find((c) => c.lastCheckedDay >= first);
      if (same?.state === 'CONTACTED' && same.decidedAt) {
        // 已联系上 but still away: the days after the contact decision count afresh.
        const contactedOn = dayIn(deps.businessTz, same.decidedAt);
        const days = streak.days.filter((d) => d > contactedOn);
        if (days.length >= o.settings.rules.absenceThresholdWorkdays) toOpen.push({ ...streak, days });
      } else if (same) {
        if ((formatDay(same.lastCheckedDay) as string) < o.asOf && streak.days.length > 0) toExtend.push({ same, streak });
      } else {
        toOpen.push(streak);
      }
    }
    await extendCases(tx, o.asOf, toExtend);
    const lastClockInOf = await findLastClockIns(tx, toOpen);
    const cases: NewAbsenceCase[] = toOpen.map((s) => {
      const lastClockIn = lastClockInOf.get(s.employeeId);
      return { employeeId: s.employeeId, trigger: 'attendance', uniqueKey: `att:${s.employeeId}:${firstDay(s)}`, days: s.days, ...(lastClockIn && { lastClockIn }) };
    });
    return openAbsenceCasesInTx(deps, tx, { actor: o.actor, asOf: o.asOf, slaHours: o.settings.rules.managerSlaHours, cases });
  });
}

/** The same streak goes on: its case's days grow to the as-of day, guarded by the checked day it was read with. */
async function extendCases(tx: Tx, asOf: string, rows: { same: EarlierCase; streak: AbsenceStreak }[]): Promise<void> {
  if (rows.length === 0) return;
  const changes = rows.map(({ same, streak }) => ({ id: same.id, checkedBefore: formatDay(same.lastCheckedDay), days: [...new Set([...same.days, ...streak.days])].sort() }));
  await tx.$executeRaw`UPDATE "AbsenceCase" c
    SET "lastCheckedDay" = ${asOf}::date, "absentDays" = jsonb_array_length(u.days), "updatedAt" = now(),
        days = ARRAY(SELECT d FROM jsonb_array_elements_text(u.days) WITH ORDINALITY AS x(d, n) ORDER BY n)
    FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) AS u(id uuid, "checkedBefore" date, days jsonb)
    WHERE c.id = u.id AND c."lastCheckedDay" = u."checkedBefore"`;
}

/** The instant of each streak's last valid clock-in (on its `lastClockInDay`), in one query. */
async function findLastClockIns(tx: Tx, streaks: AbsenceStreak[]): Promise<Map<string, Date>> {
  const withDay = streaks.filter((s) => s.lastClockInDay);
  if (withDay.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ employeeId: string; at: Date }[]>`
    SELECT DISTINCT ON (a."employeeId") a."employeeId"::text AS "employeeId", a.at FROM "AttendanceRecord" a
    JOIN unnest(${withDay.map((s) => s.employeeId)}::uuid[], ${withDay.map((s) => s.lastClockInDay)}::date[]) AS u(e, d) ON a."employeeId" = u.e AND a.day = u.d
    WHERE NOT ('not_signed' = ANY(a.flags))
    ORDER BY a."employeeId", a.at DESC`;
  return new Map(rows.map((r) => [r.employeeId, r.at]));
}
