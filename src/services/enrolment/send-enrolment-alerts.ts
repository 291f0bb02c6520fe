// The daily enrolment sweep: which hires are due a reminder today, and one card per platform
// for each reminder that is new. The Alert row (unique per employee and stage), its cards and
// their outbox messages commit together, so a second run, or a second instance racing this one,
// inserts no alert and therefore sends no card.
import { buildEnrolmentDeadlineCard } from '../../../cards/enrolment-deadline-card.ts';
import { systemActor } from '../../domain/actor.ts';
import { formatDay, parseDay } from '../../domain/dates.ts';
import { enrolmentSchedule, stagesDue } from '../../domain/enrolment/enrolment-schedule.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { enrolmentCardFacts } from './enrolment-card-facts.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';
import { findEnrolmentCandidates } from './find-enrolment-candidates.ts';
import { loadEnrolmentSettings } from './load-enrolment-settings.ts';
import { queueEnrolmentCards } from './queue-enrolment-cards.ts';
import { ENROLMENT_ALERT_KIND, enrolmentAlertKey, type DueAlert } from '../../domain/enrolment/enrolment-alert.ts';

export interface SendEnrolmentAlertsOptions {
  /** 'YYYY-MM-DD' in BUSINESS_TZ. */
  asOf: string;
  platforms: readonly Platform[];
  publicBaseUrl: string;
  batchSize?: number;
  log?: Logger;
}

export interface SendEnrolmentAlertsResult {
  /** Hires not yet enrolled within the window. */
  candidates: number;
  /** New alerts by stage kind. */
  alerts: { warn: number; escalate: number; overdue: number };
  cards: number;
  /** Years without the State Council's notice that the deadlines touched. */
  missingYears: number[];
}



/**
 * @example
 *   await sendEnrolmentAlerts(deps, { asOf: '2026-12-14', platforms: ['wecom'], publicBaseUrl })
 *   // → { candidates: 1, alerts: { warn: 1, escalate: 0, overdue: 0 }, cards: 1, missingYears: [] }
 */
export async function sendEnrolmentAlerts(deps: ServiceDeps, opts: SendEnrolmentAlertsOptions): Promise<SendEnrolmentAlertsResult> {
  const settings = await loadEnrolmentSettings(deps.db, opts.log);
  const recipients = await findHrRecipients(deps.db, opts.platforms, { kind: 'enrolment', now: deps.now(), businessTz: deps.businessTz, log: opts.log });
  const actor = systemActor('enrolment-deadline-sweep');
  const result: SendEnrolmentAlertsResult = { candidates: 0, alerts: { warn: 0, escalate: 0, overdue: 0 }, cards: 0, missingYears: [] };
  let after: string | undefined;
  for (;;) {
    const hires = await findEnrolmentCandidates(deps.db, { asOf: opts.asOf, after, take: opts.batchSize ?? 500 });
    if (hires.length === 0) break;
    after = hires[hires.length - 1]?.id;
    result.candidates += hires.length;
    const due: DueAlert[] = hires.flatMap((hire) => {
      const start = formatDay(hire.clockStart) as string;
      const schedule = enrolmentSchedule(start, settings.calendar, { ...settings.rules, cutoffDay: settings.cutoffDayFor(hire.insuredCity, start) });
      return stagesDue(schedule, opts.asOf, settings.calendar).map((d) => ({ hire, schedule, due: d }));
    });
    if (due.length === 0) continue;
    await deps.db.$transaction(async (tx) => {
      const created = await tx.alert.createManyAndReturn({
        data: due.map((d) => ({
          kind: ENROLMENT_ALERT_KIND, stage: d.due.stage, uniqueKey: enrolmentAlertKey(d.hire.id, d.due.stage, d.hire.clockFrom), employeeId: d.hire.id, dueOn: parseDay(d.schedule.legalDeadline),
        })),
        skipDuplicates: true,
        select: { uniqueKey: true },
      });
      const fresh = new Set(created.map((a) => a.uniqueKey));
      for (const d of due.filter((x) => fresh.has(enrolmentAlertKey(x.hire.id, x.due.stage, x.hire.clockFrom)))) {
        result.alerts[d.due.kind]++;
        const facts = enrolmentCardFacts(d, opts.asOf, settings.calendar);
        // 社会保险法 第五十八条: from the deadline day on (overdue: 第八十四条、第八十六条 accrue daily) the card goes out even in quiet hours.
        const availableAt = recipients.availableAt({ legalDeadlineToday: opts.asOf >= d.schedule.legalDeadline });
        const keys = await queueEnrolmentCards(deps, tx, { ...d, actor, facts, platforms: opts.platforms, recipients, availableAt, build: buildEnrolmentDeadlineCard, h5Url: `${opts.publicBaseUrl}/app/enrolment?employee=${d.hire.id}` });
        result.cards += keys.length;
        // The alert points at its first card; the other platforms' copies share its subject and type.
        if (keys[0]) await tx.alert.update({ where: { uniqueKey: enrolmentAlertKey(d.hire.id, d.due.stage, d.hire.clockFrom) }, data: { cardKey: keys[0] } });
      }
    });
  }
  result.missingYears = [...settings.calendar.missingYears].sort();
  return result;
}
