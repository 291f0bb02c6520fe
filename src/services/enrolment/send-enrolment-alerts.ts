// The daily enrolment sweep: which hires are due a reminder today, and one card per platform
// for each reminder that is new. The Alert row (unique per employee and stage), its cards and
// their outbox messages commit together, so a second run, or a second instance racing this one,
// inserts no alert and therefore sends no card.
import { findSentAlertKeys } from '../alerts/find-sent-alert-keys.ts';
import { insertAlerts } from '../alerts/insert-alerts.ts';
import { buildEnrolmentDeadlineCard } from '../../../cards/enrolment-deadline-card.ts';
import { systemActor, type Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { enrolmentSchedule, stagesDue } from '../../domain/enrolment/enrolment-schedule.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { enrolmentCardFacts } from './enrolment-card-facts.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';
import { enrolmentCandidatePages } from './find-enrolment-candidates.ts';
import { loadEnrolmentSettings, type EnrolmentSettings } from './load-enrolment-settings.ts';
import { queueEnrolmentCards } from './queue-enrolment-cards.ts';
import { planEnrolmentCards, type PlannedEnrolmentCard } from './plan-enrolment-cards.ts';
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
  // One query after another, never in parallel: a daily job usually finds the pool's idle
  // connections closed, and opening more of them costs more than the few round trips it saves.
  const settings = await loadEnrolmentSettings(deps.db, opts.log);
  const recipients = await findHrRecipients(deps.db, opts.platforms, { kind: 'enrolment', now: deps.now(), businessTz: deps.businessTz, log: opts.log });
  const actor = systemActor('enrolment-deadline-sweep');
  const take = opts.batchSize ?? 500;
  const result: SendEnrolmentAlertsResult = { candidates: 0, alerts: { warn: 0, escalate: 0, overdue: 0 }, cards: 0, missingYears: [] };
  for await (const hires of enrolmentCandidatePages(deps.db, { asOf: opts.asOf, take })) {
    result.candidates += hires.length;
    const due = await withoutExistingAlerts(deps, hires.flatMap((hire) => {
      const start = formatDay(hire.clockStart) as string;
      const schedule = enrolmentSchedule(start, settings.calendar, { ...settings.rules, cutoffDay: settings.cutoffDayFor(hire.insuredCity, start) });
      return stagesDue(schedule, opts.asOf, settings.calendar).map((d) => planAlert({ hire, schedule, due: d }, settings, recipients, opts));
    }));
    const mine = due.length > 0 ? await createAlertsAndCards(deps, actor, recipients, due) : [];
    for (const d of mine) {
      result.alerts[d.due.kind]++;
      result.cards += d.cards.length;
    }
  }
  result.missingYears = [...settings.calendar.missingYears].sort();
  return result;
}

/** A due alert and the cards it gets when it is new, built before the transaction. */
interface PlannedAlert extends DueAlert {
  key: string;
  cards: PlannedEnrolmentCard[];
}

function planAlert(d: DueAlert, settings: EnrolmentSettings, recipients: HrRecipients, opts: SendEnrolmentAlertsOptions): PlannedAlert {
  const facts = enrolmentCardFacts(d, opts.asOf, settings.calendar);
  // 社会保险法 第五十八条: from the deadline day on (overdue: 第八十四条、第八十六条 accrue daily) the card goes out even in quiet hours.
  const availableAt = recipients.availableAt({ legalDeadlineToday: opts.asOf >= d.schedule.legalDeadline });
  const h5Url = `${opts.publicBaseUrl}/app/enrolment?employee=${d.hire.id}`;
  const cards = planEnrolmentCards({ ...d, facts, platforms: opts.platforms, recipients, availableAt, build: buildEnrolmentDeadlineCard, h5Url });
  return { ...d, key: enrolmentAlertKey(d.hire.id, d.due.stage, d.hire.clockFrom), cards };
}

/**
 * Drops the alerts already raised, in one read outside any transaction, so that a day's rerun
 * (the steady state) opens none. Only a shortcut: the insert below still skips duplicates, which
 * is what keeps a racing instance from sending twice.
 */
async function withoutExistingAlerts(deps: ServiceDeps, due: PlannedAlert[]): Promise<PlannedAlert[]> {
  if (due.length === 0) return due;
  const raised = await findSentAlertKeys(deps.db, due.map((d) => d.key));
  return due.filter((d) => !raised.has(d.key));
}

/** The page's alerts, then the cards of those this transaction created, committed together. Returns those alerts. */
async function createAlertsAndCards(deps: ServiceDeps, actor: Actor, recipients: HrRecipients, due: PlannedAlert[]): Promise<PlannedAlert[]> {
  return deps.db.$transaction(async (tx) => {
    // The alert points at its first card; the other platforms' copies share its subject and type.
    const fresh = await insertAlerts(tx, due.map((d) => ({
      kind: ENROLMENT_ALERT_KIND, stage: d.due.stage, uniqueKey: d.key, employeeId: d.hire.id, dueOn: d.schedule.legalDeadline, cardKey: d.cards[0]?.card.key ?? null,
    })));
    const mine = due.filter((d) => fresh.has(d.key));
    await queueEnrolmentCards(deps, tx, { actor, recipients, cards: mine.flatMap((d) => d.cards) });
    return mine;
  });
}
