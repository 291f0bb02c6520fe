// Pension transfer reminders as at the end of `asOf` (job transfer-reminders): 「转移接续今日到期」 to
// the HR specialists on a step's due day, 「转移接续已逾期」 on the working day after it. The Alert
// row (unique per step and kind), its cards and their outbox messages commit together, so a rerun
// or a racing instance inserts no alert and sends nothing.
import { buildTransferStepCard } from '../../../cards/transfer-step-cards.ts';
import type { Actor } from '../../domain/actor.ts';
import { calendarCaveat, incompleteYearsIn } from '../../domain/calendar/calendar-caveat.ts';
import { parseDay } from '../../domain/dates.ts';
import { transferRemindersDue, type TransferReminder } from '../../domain/transfer/transfer-schedule.ts';
import { transferStepInfo } from '../../domain/transfer/transfer-steps.ts';
import type { Logger } from '../../log.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { queueExitCard } from '../exits/queue-exit-card.ts';
import { loadTransferCalendar } from './load-transfer-calendar.ts';
import { loadTransferEmployees } from './transfer-employees.ts';
import { TRANSFER_ALERT_KIND, transferAlertKey } from './transfer-alert-key.ts';
import { scheduleOf, type TransferWithSteps } from './transfer-view.ts';

export interface SendTransferRemindersResult {
  due: number;
  overdue: number;
  cards: number;
  missingYears: number[];
}

/**
 * @example await sendTransferReminders(deps, { asOf: '2026-10-22', actor }) // → { due: 1, overdue: 0, cards: 1, missingYears: [] }
 */
export async function sendTransferReminders(deps: ServiceDeps, o: { asOf: string; actor: Actor; log?: Logger }): Promise<SendTransferRemindersResult> {
  const calendar = await loadTransferCalendar(deps.db, o.log);
  const result: SendTransferRemindersResult = { due: 0, overdue: 0, cards: 0, missingYears: [] };
  let cursor: string | undefined;
  for (;;) {
    const cases = await deps.db.pensionTransfer.findMany({
      where: { state: 'OPEN', startedOn: { lte: parseDay(o.asOf) }, ...(cursor && { id: { gt: cursor } }) },
      include: { steps: true }, orderBy: { id: 'asc' }, take: 200,
    });
    if (cases.length === 0) break;
    cursor = cases[cases.length - 1]?.id;
    const employees = await loadTransferEmployees(deps.db, cases.map((c) => c.employeeId));
    const owed = cases.map((t) => ({ t, reminders: transferRemindersDue(scheduleOf(t, calendar), o.asOf) }));
    // Reminders sent on an earlier day are skipped with one query per page instead of a transaction
    // each; the Alert's unique key inside remindStep stays the guard against a racing instance.
    const sentBefore = await findSentAlertKeys(deps, owed.flatMap(({ t, reminders }) => reminders.map((r) => stepAlertKey(t, r)).filter((k) => k !== null)));
    for (const { t, reminders } of owed) {
      for (const r of reminders) {
        const key = stepAlertKey(t, r);
        if (key === null || sentBefore.has(key)) continue;
        const sent = await remindStep(deps, o, t, r, employees.get(t.employeeId)?.name ?? '员工', calendarCaveat(incompleteYearsIn(calendar, r.dueOn, r.dueOn)));
        if (sent === null) continue;
        result[r.kind]++;
        result.cards += sent;
      }
    }
  }
  result.missingYears = [...calendar.missingYears].sort();
  return result;
}

function stepAlertKey(t: TransferWithSteps, r: TransferReminder): string | null {
  const row = t.steps.find((s) => s.step === r.step);
  return row ? transferAlertKey(row.id, r.kind) : null;
}

async function findSentAlertKeys(deps: ServiceDeps, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await deps.db.alert.findMany({ where: { uniqueKey: { in: keys } }, select: { uniqueKey: true } });
  return new Set(rows.map((a) => a.uniqueKey));
}

/** Queues one reminder if its Alert is new; null when it was sent before. */
async function remindStep(deps: ServiceDeps, o: { actor: Actor }, t: TransferWithSteps, r: TransferReminder, employeeName: string, caveat: string | undefined): Promise<number | null> {
  const row = t.steps.find((s) => s.step === r.step);
  if (!row) return null;
  const key = transferAlertKey(row.id, r.kind);
  return deps.db.$transaction(async (tx) => {
    const created = await tx.alert.createMany({ data: [{ kind: TRANSFER_ALERT_KIND, stage: `step${r.step}_${r.kind}`, uniqueKey: key, employeeId: t.employeeId, dueOn: parseDay(r.dueOn) }], skipDuplicates: true });
    if (created.count === 0) return null;
    const info = transferStepInfo(r.step);
    const facts = { employeeName, route: `${t.fromCity} → ${t.toCity}`, step: `第${r.step}步：${info.title}`, dueOn: r.dueOn, legalBasis: info.legalBasis, ...(caveat && { caveat }) };
    const queued = await queueExitCard(deps, tx, {
      actor: o.actor, subjectType: 'pension_transfer_step', subjectId: row.id, employeeId: t.employeeId, stage: `s${r.step}${r.kind}`, audience: { kind: 'hr', alertKind: 'transfer' },
      build: (cardKey) => buildTransferStepCard({ overdue: r.kind === 'overdue', facts, key: cardKey, h5Url: `${deps.publicBaseUrl}/app/transfers?case=${t.id}` }),
    });
    if (queued[0]) await tx.alert.update({ where: { uniqueKey: key }, data: { cardKey: queued[0] } });
    await writeAuditEvent(tx, o.actor, { type: 'transfer.reminded', data: { transferId: t.id, step: r.step, kind: r.kind, dueOn: r.dueOn } }, { type: 'employee', id: t.employeeId });
    return queued.length;
  });
}
