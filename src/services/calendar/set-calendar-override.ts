// HR marks one day as a workday or a rest day. A `company` day (a site closure, an extra working
// Saturday, a company rest day) moves attendance and absence only; a `statutory` day corrects the
// State Council calendar and moves legal deadlines too (民法典 第二百零三条), so it names its source.
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { calendarDayKind, type CalendarKindName } from './calendar-day-kind.ts';

export interface CalendarOverrideView {
  day: string;
  isWorkday: boolean;
  reason: string;
  kind: CalendarKindName;
  source: string | null;
}

/**
 * @example
 *   await setCalendarOverride(deps, { actor, day: '2026-11-03', isWorkday: false, reason: '园区停电，全员放假', kind: 'company' })
 */
export async function setCalendarOverride(deps: ServiceDeps, opts: { actor: Actor; day: string; isWorkday: boolean; reason: string; kind?: CalendarKindName; source?: string }): Promise<CalendarOverrideView> {
  authorize(opts.actor, 'calendar.manage');
  const kindName = opts.kind ?? 'company';
  const kind = calendarDayKind(kindName);
  return deps.db.$transaction(async (tx) => {
    const day = parseDay(opts.day);
    const previous = await tx.workCalendarOverride.findUnique({ where: { day_kind: { day, kind } } });
    const fields = { isWorkday: opts.isWorkday, reason: opts.reason, source: opts.source ?? null };
    const row = await tx.workCalendarOverride.upsert({ where: { day_kind: { day, kind } }, create: { day, kind, ...fields }, update: fields });
    await writeAuditEvent(tx, opts.actor, {
      type: 'calendar.override_changed',
      data: { day: opts.day, isWorkday: opts.isWorkday, previous: previous?.isWorkday ?? null, reason: opts.reason, kind: kindName },
    }, { type: 'company', id: `calendar:${opts.day}` });
    return { day: formatDay(row.day) as string, isWorkday: row.isWorkday, reason: row.reason, kind: kindName, source: row.source };
  });
}
