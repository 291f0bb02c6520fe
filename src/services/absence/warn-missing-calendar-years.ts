// A year without the State Council's notice leaves its 调休 and 补休 unknown, so every date of that
// year may move: HR is told once per year (card 'calendar.missing_year', deduplicated by its card
// key, whichever job sees the year first) and the log warns.
import { buildCalendarMissingYearCard, CALENDAR_MISSING_YEAR_CARD } from '../../../cards/calendar-missing-year-card.ts';
import { systemActor } from '../../domain/actor.ts';
import type { Logger } from '../../log.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';

const missingYearCardKey = (year: number, platform: string) => `cal-${year}-${platform}`;

/** @example await warnMissingCalendarYears(deps, { years: [2027] }) // → 1 card queued (0 on the next run) */
export async function warnMissingCalendarYears(deps: ServiceDeps, opts: { years: readonly number[]; log?: Logger; job: string }): Promise<number> {
  if (opts.years.length === 0) return 0;
  for (const year of opts.years) opts.log?.warn({ year }, `no State Council holiday notice for ${year}: import it with 'sentinel calendar import-notice' or the H5 page /app/calendar`);
  // Every run of every sweep comes here until the notice is imported: one read finds the years
  // whose cards are all queued already, instead of a transaction per run.
  const keys = opts.years.flatMap((year) => deps.chatPlatforms.map((platform) => missingYearCardKey(year, platform)));
  const stored = new Set((await deps.db.cardInstance.findMany({ where: { cardKey: { in: keys } }, select: { cardKey: true } })).map((c) => c.cardKey));
  const years = opts.years.filter((year) => deps.chatPlatforms.some((platform) => !stored.has(missingYearCardKey(year, platform))));
  if (years.length === 0) return 0;
  const recipients = await findHrRecipients(deps.db, deps.chatPlatforms);
  const actor = systemActor(`job:${opts.job}`);
  let queued = 0;
  for (const year of years) {
    await deps.db.$transaction(async (tx) => {
      for (const platform of deps.chatPlatforms) {
        const to = recipients.answering(platform);
        if (to.length === 0) continue;
        const card = buildCalendarMissingYearCard({ year, key: missingYearCardKey(year, platform), h5Url: `${deps.publicBaseUrl}/app/calendar` });
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
