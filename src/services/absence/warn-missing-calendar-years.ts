// A year without statutory holiday data makes every workday count of that year a guess, so HR
// is told once per year (card 'calendar.missing_year', deduplicated by its card key) and the log warns.
import { buildCalendarMissingYearCard, CALENDAR_MISSING_YEAR_CARD } from '../../../cards/calendar-missing-year-card.ts';
import { systemActor } from '../../domain/actor.ts';
import type { Logger } from '../../log.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../onboarding/card-instance-json.ts';
import { findCardRecipients } from '../onboarding/find-card-recipients.ts';

/** @example await warnMissingCalendarYears(deps, { years: [2027] }) // → 1 card queued (0 on the next run) */
export async function warnMissingCalendarYears(deps: ServiceDeps, opts: { years: readonly number[]; log?: Logger }): Promise<number> {
  if (opts.years.length === 0) return 0;
  const recipients = await findCardRecipients(deps.db, deps.chatPlatforms);
  const actor = systemActor('job:absence-detection');
  let queued = 0;
  for (const year of opts.years) {
    opts.log?.warn({ year }, `no statutory holiday data for ${year}: update chinese-days or add WorkCalendarOverride rows (PUT /api/v1/calendar/overrides/:day)`);
    await deps.db.$transaction(async (tx) => {
      for (const platform of deps.chatPlatforms) {
        const to = recipients.get(platform) ?? [];
        if (to.length === 0) continue;
        const card = buildCalendarMissingYearCard({ year, key: `cal-${year}-${platform}`, h5Url: `${deps.publicBaseUrl}/app/me` });
        const { count } = await tx.cardInstance.createMany({
          data: [{ cardKey: card.key, platform, type: CALENDAR_MISSING_YEAR_CARD, subjectType: 'calendar', subjectId: String(year), recipients: toJsonColumn(to), model: toJsonColumn(card) }],
          skipDuplicates: true,
        });
        if (count === 0) continue;
        await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: to.map((r) => r.userId), payload: { kind: 'card', card } });
        await writeAuditEvent(tx, actor, { type: 'calendar.missing_year', data: { year } }, { type: 'company', id: `calendar:${year}` });
        queued++;
      }
    });
  }
  return queued;
}
