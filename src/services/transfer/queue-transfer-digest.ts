// A transfer-reminders run that owes more than DIGEST_OVER reminders sends them as one
// 转移接续提醒 digest per platform (cards/transfer-digest-card.ts) instead of a card per step
// (see src/services/cards/reminder-digest.ts). Every step still gets its own Alert row (unique
// per step and kind, naming the digest's card) and its own transfer.reminded audit event; the
// digest lists only the Alerts this transaction inserted, so a racing instance lists nothing twice.
import { buildTransferDigestCard } from '../../../cards/transfer-digest-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { insertAlerts } from '../alerts/insert-alerts.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import { queueCards, type PlannedCard } from '../cards/queue-cards.ts';
import { byDayThenName, digestKey } from '../cards/reminder-digest.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ExitRecipients } from '../exits/exit-recipients.ts';
import type { OwedTransferReminder, TransferRemindersSent } from './owed-transfer-reminder.ts';
import { TRANSFER_ALERT_KIND } from './transfer-alert-key.ts';

/**
 * @example await deps.db.$transaction((tx) => queueTransferDigest(deps, tx, actor, { owed, hr, nameOf, calendar, asOf })) // → { due: 3, overdue: 12, cards: 1 }
 */
export async function queueTransferDigest(
  deps: Pick<ServiceDeps, 'outbox' | 'publicBaseUrl'>, tx: Tx, actor: Actor,
  o: { owed: readonly OwedTransferReminder[]; hr: ExitRecipients; nameOf: (employeeId: string) => string; calendar: WorkCalendar; asOf: string },
): Promise<TransferRemindersSent> {
  // One insert order, so racing instances wait on each other's keys rather than deadlock.
  const owed = [...o.owed].sort((a, b) => (a.key < b.key ? -1 : 1));
  const platforms = [...o.hr].filter(([, to]) => to.length > 0);
  const keyOn = (platform: string) => digestKey('td', owed.map((x) => x.key), platform);
  const cardKey = platforms[0] ? keyOn(platforms[0][0]) : null;
  const isNew = await insertAlerts(tx, owed.map((x) => ({
    kind: TRANSFER_ALERT_KIND, stage: `step${x.r.step}_${x.r.kind}`, uniqueKey: x.key, employeeId: x.t.employeeId, dueOn: x.r.dueOn, cardKey,
  })));
  const fresh = owed.filter((x) => isNew.has(x.key));
  if (fresh.length === 0) return { due: 0, overdue: 0, cards: 0 };
  await writeAuditEvents(tx, actor, fresh.map((x) => ({
    event: { type: 'transfer.reminded' as const, data: { transferId: x.t.id, step: x.r.step, kind: x.r.kind, dueOn: x.r.dueOn } },
    subject: { type: 'employee' as const, id: x.t.employeeId },
  })));
  const listed = (kind: 'due' | 'overdue'): string[] =>
    byDayThenName(fresh.filter((x) => x.r.kind === kind).map((x) => ({ day: x.r.dueOn, name: o.nameOf(x.t.employeeId) }))).map((x) => x.name);
  const [due, overdue] = [listed('due'), listed('overdue')];
  const days = fresh.map((x) => x.r.dueOn).sort();
  const caveat = calendarCaveat(incompleteYearsIn(o.calendar, days[0]!, days[days.length - 1]!));
  const cards: PlannedCard[] = platforms.map(([platform, to]) => ({
    card: buildTransferDigestCard({ key: keyOn(platform), asOf: o.asOf, due, overdue, ...(caveat && { caveat }), h5Url: `${deps.publicBaseUrl}/app/transfers` }),
    platform, to, subject: { type: 'transfer_digest', id: o.asOf }, group: o.hr.group,
  }));
  const queued = await queueCards(deps, tx, actor, cards);
  return { due: due.length, overdue: overdue.length, cards: queued.size };
}
