// Removes an override: the day follows the published calendar (and, for a company day, the
// statutory one) again.
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { calendarDayKind, type CalendarKindName } from './calendar-day-kind.ts';

/** @example await deleteCalendarOverride(deps, { actor, day: '2026-11-03', reason: '恢复正常上班' }) */
export async function deleteCalendarOverride(deps: ServiceDeps, opts: { actor: Actor; day: string; reason: string; kind?: CalendarKindName }): Promise<void> {
  authorize(opts.actor, 'calendar.manage');
  const kindName = opts.kind ?? 'company';
  const where = { day_kind: { day: parseDay(opts.day), kind: calendarDayKind(kindName) } };
  await deps.db.$transaction(async (tx) => {
    const previous = await tx.workCalendarOverride.findUnique({ where });
    if (!previous) throw new AppError('not_found', `${opts.day} 没有${kindName === 'statutory' ? '法定日历更正' : '公司日历调整'}`);
    await tx.workCalendarOverride.delete({ where });
    await writeAuditEvent(tx, opts.actor, {
      type: 'calendar.override_changed',
      data: { day: opts.day, isWorkday: null, previous: previous.isWorkday, reason: opts.reason, kind: kindName },
    }, { type: 'company', id: `calendar:${opts.day}` });
  });
}
