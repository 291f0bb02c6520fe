// The streaks a detection run has nothing to do for: the employee's latest case that reaches into
// the streak was already checked up to the as-of day (a rerun on the same day) and is not
// 已联系上. One query for all streaks, so a rerun costs no transaction per absent employee;
// detectAbsences still decides every other streak under its per-employee lock.
import { parseDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';
import type { AbsenceStreak } from './find-absence-streaks.ts';

/** @example await findCheckedStreaks(deps, { streaks, asOf: '2026-11-20' }) // → Set { employeeId, … } */
export async function findCheckedStreaks(deps: Pick<ServiceDeps, 'db'>, opts: { streaks: AbsenceStreak[]; asOf: string }): Promise<Set<string>> {
  const firstDay = (s: AbsenceStreak) => s.days[0] ?? opts.asOf;
  const earliest = opts.streaks.map(firstDay).sort()[0];
  if (!earliest) return new Set();
  const cases = await deps.db.absenceCase.findMany({
    where: { employeeId: { in: opts.streaks.map((s) => s.employeeId) }, lastCheckedDay: { gte: parseDay(earliest) } },
    select: { employeeId: true, state: true, decidedAt: true, lastCheckedDay: true, createdAt: true },
    orderBy: { createdAt: 'desc' },
  });
  const casesOf = Map.groupBy(cases, (c) => c.employeeId);
  const asOf = parseDay(opts.asOf);
  const checked = new Set<string>();
  for (const streak of opts.streaks) {
    // The same case detectAbsences would pick: the latest created whose checked days reach into the streak.
    const first = parseDay(firstDay(streak));
    const same = casesOf.get(streak.employeeId)?.find((c) => c.lastCheckedDay >= first);
    if (same && !(same.state === 'CONTACTED' && same.decidedAt) && same.lastCheckedDay >= asOf) checked.add(streak.employeeId);
  }
  return checked;
}
