// Pension transfer reminders as at the end of `asOf` (job transfer-reminders): 「转移接续今日到期」 to
// the HR specialists on a step's due day, 「转移接续已逾期」 on the working day after it. Open cases
// are read in keyset pages and what the run owes is gathered first: up to DIGEST_OVER reminders
// go out as step cards (with 今日已办结), more as one digest card (queue-transfer-digest.ts). The
// Alert rows (unique per step and kind), the cards and their outbox messages commit together, so
// a rerun or a racing instance inserts no alert and sends nothing.
import { buildTransferStepCard } from '../../../cards/transfer-step-cards.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { transferRemindersDue, transferSchedule, type ScheduledStep } from '../../domain/transfer/transfer-schedule.ts';
import { transferStepInfo } from '../../domain/transfer/transfer-steps.ts';
import type { Logger } from '../../log.ts';
import { findSentAlertKeys } from '../alerts/find-sent-alert-keys.ts';
import { insertAlerts } from '../alerts/insert-alerts.ts';
import { DIGEST_OVER } from '../cards/reminder-digest.ts';
import type { ServiceDeps } from '../deps.ts';
import { exitCardRows } from '../exits/exit-card-rows.ts';
import { findExitRecipients, type ExitRecipients } from '../exits/exit-recipients.ts';
import { writeExitCards } from '../exits/queue-exit-cards.ts';
import { loadTransferCalendar } from './load-transfer-calendar.ts';
import { openTransferPages, type OpenTransfer } from './open-transfer-pages.ts';
import type { OwedTransferReminder as Owed, TransferRemindersSent } from './owed-transfer-reminder.ts';
import { queueTransferDigest } from './queue-transfer-digest.ts';
import { loadEmployeeNames } from '../employees/load-employee-names.ts';
import { TRANSFER_ALERT_KIND, transferAlertKey } from './transfer-alert-key.ts';

/** The cards' audience: the HR specialists who take transfer alerts. */
const HR = { kind: 'hr', alertKind: 'transfer' } as const;

export interface SendTransferRemindersResult extends TransferRemindersSent {
  missingYears: number[];
}

/**
 * @example await sendTransferReminders(deps, { asOf: '2026-10-22', actor }) // → { due: 1, overdue: 0, cards: 1, missingYears: [] }
 */
export async function sendTransferReminders(deps: ServiceDeps, o: { asOf: string; actor: Actor; log?: Logger }): Promise<SendTransferRemindersResult> {
  const calendar = await loadTransferCalendar(deps.db, o.log);
  const scheduleOf = memoSchedule(calendar);
  const todo: Owed[] = [];
  for await (const page of openTransferPages(deps.db, o.asOf)) {
    const owed = page.flatMap((t) => transferRemindersDue(scheduleOf(t), o.asOf).flatMap((r): Owed[] => {
      const row = t.steps.find((s) => s.step === r.step);
      return row ? [{ t, r, row, key: transferAlertKey(row.id, r.kind) }] : [];
    }));
    const sent = await findSentAlertKeys(deps.db, owed.map((x) => x.key));
    todo.push(...owed.filter((x) => !sent.has(x.key)));
  }
  if (todo.length === 0) return { due: 0, overdue: 0, cards: 0, missingYears: [...calendar.missingYears].sort() };
  const names = await loadEmployeeNames(deps.db, todo.map((x) => x.t.employeeId));
  const nameOf = (employeeId: string) => names.get(employeeId)?.name ?? '员工';
  const hr = await findExitRecipients(deps.db, deps.chatPlatforms, HR, { now: deps.now(), businessTz: deps.businessTz });
  const sent = await deps.db.$transaction((tx) => todo.length > DIGEST_OVER
    ? queueTransferDigest(deps, tx, o.actor, { owed: todo, hr, nameOf, calendar, asOf: o.asOf })
    : remindEach(deps, tx, o.actor, { owed: todo, hr, nameOf, calendar }));
  return { ...sent, missingYears: [...calendar.missingYears].sort() };
}

/** Cases started the same day with the same steps done share their schedule: computed once per run. */
function memoSchedule(calendar: WorkCalendar): (t: OpenTransfer) => ScheduledStep[] {
  const memo = new Map<string, ScheduledStep[]>();
  return (t) => {
    const done = [2, 3, 4].map((n) => t.steps.find((s) => s.step === n)?.doneOn ?? null);
    const key = `${t.startedOn}|${done.join('|')}`;
    let steps = memo.get(key);
    if (!steps) memo.set(key, (steps = transferSchedule(t.startedOn, done, calendar)));
    return steps;
  };
}

/** A card per step: inserts the Alerts; only those new here get their cards, outbox messages and audit events. */
async function remindEach(deps: ServiceDeps, tx: Tx, actor: Actor, { owed, hr, nameOf, calendar }: { owed: Owed[]; hr: ExitRecipients; nameOf: (employeeId: string) => string; calendar: WorkCalendar }): Promise<TransferRemindersSent> {
  const planned = owed.map((x) => {
    const info = transferStepInfo(x.r.step);
    const caveat = calendarCaveat(incompleteYearsIn(calendar, x.r.dueOn, x.r.dueOn));
    const facts = { employeeName: nameOf(x.t.employeeId), route: `${x.t.fromCity} → ${x.t.toCity}`, step: `第${x.r.step}步：${info.title}`, dueOn: x.r.dueOn, legalBasis: info.legalBasis, ...(caveat && { caveat }) };
    const rows = exitCardRows({
      subjectType: 'pension_transfer_step', subjectId: x.row.id, employeeId: x.t.employeeId, stage: `s${x.r.step}${x.r.kind}`, audience: HR,
      build: (cardKey) => buildTransferStepCard({ overdue: x.r.kind === 'overdue', facts, key: cardKey, h5Url: `${deps.publicBaseUrl}/app/transfers?case=${x.t.id}` }),
    }, hr);
    return { ...x, rows };
  }).sort((a, b) => (a.key < b.key ? -1 : 1)); // one insert order, so racing instances wait rather than deadlock
  const isNew = await insertAlerts(tx, planned.map((x) => ({
    kind: TRANSFER_ALERT_KIND, stage: `step${x.r.step}_${x.r.kind}`, uniqueKey: x.key, employeeId: x.t.employeeId, dueOn: x.r.dueOn, cardKey: x.rows[0]?.card.key ?? null,
  })));
  const fresh = planned.filter((x) => isNew.has(x.key));
  // The reminders' audit events go in the cards' INSERT.
  const queued = await writeExitCards(deps, tx, actor, fresh.flatMap((x) => x.rows), fresh.map((x) => ({
    event: { type: 'transfer.reminded' as const, data: { transferId: x.t.id, step: x.r.step, kind: x.r.kind, dueOn: x.r.dueOn } },
    subject: { type: 'employee' as const, id: x.t.employeeId },
  })));
  return { due: fresh.filter((x) => x.r.kind === 'due').length, overdue: fresh.filter((x) => x.r.kind === 'overdue').length, cards: queued.size };
}
