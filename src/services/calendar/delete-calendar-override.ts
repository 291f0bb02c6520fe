// Removes a company override: the day follows the statutory calendar again.
import type { Actor } from '../../domain/actor.ts';
import { parseDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import { AppError } from '../../errors.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';

/** @example await deleteCalendarOverride(deps, { actor, day: '2026-11-03', reason: '恢复正常上班' }) */
export async function deleteCalendarOverride(deps: ServiceDeps, opts: { actor: Actor; day: string; reason: string }): Promise<void> {
  authorize(opts.actor, 'calendar.manage');
  await deps.db.$transaction(async (tx) => {
    const previous = await tx.workCalendarOverride.findUnique({ where: { day: parseDay(opts.day) } });
    if (!previous) throw new AppError('not_found', `${opts.day} 没有公司日历调整`);
    await tx.workCalendarOverride.delete({ where: { day: previous.day } });
    await writeAuditEvent(tx, opts.actor, {
      type: 'calendar.override_changed',
      data: { day: opts.day, isWorkday: null, previous: previous.isWorkday, reason: opts.reason },
    }, { type: 'company', id: `calendar:${opts.day}` });
  });
}
