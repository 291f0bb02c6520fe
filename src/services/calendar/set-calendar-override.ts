// HR marks one day as a workday or a rest day for the whole company (a site closure, an extra
// working Saturday, a company rest day the statutory calendar does not know). Absence detection
// and the enrolment deadlines read these on top of chinese-days.
import type { Actor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

export interface CalendarOverrideView {
  day: string;
  isWorkday: boolean;
  reason: string;
}

/**
 * @example
 *   await setCalendarOverride(deps, { actor, day: '2026-11-03', isWorkday: false, reason: '园区停电，全员放假' })
 */
export async function setCalendarOverride(deps: ServiceDeps, opts: { actor: Actor; day: string; isWorkday: boolean; reason: string }): Promise<CalendarOverrideView> {
  authorize(opts.actor, 'calendar.manage');
  return deps.db.$transaction(async (tx) => {
    const day = parseDay(opts.day);
    const previous = await tx.workCalendarOverride.findUnique({ where: { day } });
    const row = await tx.workCalendarOverride.upsert({
      where: { day },
      create: { day, isWorkday: opts.isWorkday, reason: opts.reason },
      update: { isWorkday: opts.isWorkday, reason: opts.reason },
    });
    await writeAuditEvent(tx, opts.actor, {
      type: 'calendar.override_changed',
      data: { day: opts.day, isWorkday: opts.isWorkday, previous: previous?.isWorkday ?? null, reason: opts.reason },
    }, { type: 'company', id: `calendar:${opts.day}` });
    return { day: formatDay(row.day) as string, isWorkday: row.isWorkday, reason: row.reason };
  });
}
