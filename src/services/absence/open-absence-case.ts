// Opens absence cases and asks the line managers on every chat platform, in the caller's
// transaction with the audit events: the cases, their cards and their outbox messages commit
// together or not at all. A detection batch opens up to a few hundred at once, set-based: one
// INSERT of the cases, one read of the employees, one of the HR audience and their line managers, one INSERT of the
// cards, one enqueueMany and one INSERT of the audit events.
import { buildAbsenceCheckCard } from '../../../cards/absence-check-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, formatDateTime, startOfDayIn } from '../../domain/dates.ts';
import type { AuditEventRow, AuditSubject } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { queueCards, type PlannedCard } from '../cards/queue-cards.ts';
import { insertAbsenceCases } from './insert-absence-cases.ts';
import { absenceRecipientsOf, findAbsenceAudience } from './find-absence-recipients.ts';

export interface NewAbsenceCase {
  employeeId: string;
  trigger: 'attendance' | 'insurance_stopped';
  uniqueKey: string;
  days: string[];
  lastClockIn?: Date;
}

export interface OpenAbsenceCaseOptions extends NewAbsenceCase {
  actor: Actor;
  asOf: string;
  slaHours: number;
}

/** `abs-<case uuid without dashes>-<platform>`: ≤ 45 characters, valid as task_id and outTrackId. */
export const absenceCardKey = (caseId: string, platform: string) => `abs-${caseId.replaceAll('-', '')}-${platform}`;

/**
 * Returns undefined when a case with the same uniqueKey exists (a concurrent or repeated run).
 * @example
 *   await deps.db.$transaction((tx) => openAbsenceCaseInTx(deps, tx, { actor, employeeId, trigger: 'attendance', uniqueKey, asOf, days, slaHours: 24 }))
 */
export async function openAbsenceCaseInTx(deps: ServiceDeps, tx: Tx, o: OpenAbsenceCaseOptions): Promise<{ caseId: string; cards: number } | undefined> {
  return (await openAbsenceCasesInTx(deps, tx, { actor: o.actor, asOf: o.asOf, slaHours: o.slaHours, cases: [o] }))[0];
}

/**
 * The cases whose uniqueKey is still free (a concurrent or repeated run opened the others and
 * they are left out of the result), with the number of cards queued for each.
 * @example await openAbsenceCasesInTx(deps, tx, { actor, asOf: '2026-11-20', slaHours: 24, cases }) // → [{ caseId, cards: 1 }, …]
 */
export async function openAbsenceCasesInTx(
  deps: ServiceDeps, tx: Tx, o: { actor: Actor; asOf: string; slaHours: number; cases: readonly NewAbsenceCase[] },
): Promise<{ caseId: string; cards: number }[]> {
  if (o.cases.length === 0) return [];
  // The run's "now" is the end of the as-of day, so `--as-of` runs are reproducible.
  const detectedAt = startOfDayIn(deps.businessTz, addDays(o.asOf, 1));
  const managerDueAt = new Date(detectedAt.getTime() + o.slaHours * 3_600_000);
  const created = await insertAbsenceCases(tx, o.cases.map((c) => ({
    uniqueKey: c.uniqueKey, employeeId: c.employeeId, trigger: c.trigger, firstAbsentDay: c.days[0] ?? o.asOf, lastCheckedDay: o.asOf, days: c.days, managerDueAt,
  })));
  if (created.length === 0) return [];
  const idOf = new Map(created.map((c) => [c.uniqueKey, c.id]));
  const fresh = o.cases.flatMap((c) => { const id = idOf.get(c.uniqueKey); return id ? [{ ...c, id }] : []; });
  const employees = await tx.employee.findMany({ where: { id: { in: fresh.map((c) => c.employeeId) } }, select: { id: true, name: true, managerId: true, department: { select: { name: true } } } });
  const managerIds = [...new Set(employees.flatMap((e) => (e.managerId ? [e.managerId] : [])))];
  const audience = await findAbsenceAudience(tx, { platforms: deps.chatPlatforms, now: deps.now(), businessTz: deps.businessTz, managerIds });
  const employeeOf = new Map(employees.map((e) => [e.id, e]));
  const cards: PlannedCard[] = [];
  const events: AuditEventRow[] = [];
  const result: { caseId: string; cards: number }[] = [];
  for (const c of fresh) {
    const employee = employeeOf.get(c.employeeId);
    if (!employee) throw new Error(`absence case ${c.uniqueKey}: employee ${c.employeeId} not found`);
    const subject: AuditSubject = { type: 'employee', id: c.employeeId };
    events.push({ event: { type: 'absence.detected', data: { caseId: c.id, trigger: c.trigger, absentDays: c.days.length, days: c.days } }, subject });
    const recipients = absenceRecipientsOf(audience, { employeeId: c.employeeId, managerId: employee.managerId });
    let sent = 0;
    for (const platform of deps.chatPlatforms) {
      const to = recipients.byPlatform.get(platform) ?? [];
      if (to.length === 0) continue;
      const card = buildAbsenceCheckCard({
        facts: {
          name: employee.name,
          department: employee.department.name,
          ...(c.lastClockIn && { lastClockIn: formatDateTime(deps.businessTz, c.lastClockIn) }),
          days: c.days,
          trigger: c.trigger,
          answerBy: formatDateTime(deps.businessTz, managerDueAt),
        },
        key: absenceCardKey(c.id, platform),
        h5Url: `${deps.publicBaseUrl}/app/absence/${c.id}`,
      });
      cards.push({ card, platform, to, subject: { type: 'absence_case', id: c.id }, employeeId: c.employeeId, group: recipients.group, availableAt: recipients.availableAt });
      sent++;
    }
    result.push({ caseId: c.id, cards: sent });
  }
  await queueCards(deps, tx, o.actor, cards, events);
  return result;
}
