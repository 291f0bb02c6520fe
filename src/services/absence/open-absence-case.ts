// Opens one absence case and asks the line manager on every chat platform, in one transaction
// with the audit event: the case, its cards and their outbox messages commit together or not at all.
import { ABSENCE_CHECK_CARD, buildAbsenceCheckCard } from '../../../cards/absence-check-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { addDays, formatDateTime, parseDay, startOfDayIn } from '../../domain/dates.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import { findAbsenceRecipients } from './find-absence-recipients.ts';

export interface OpenAbsenceCaseOptions {
  actor: Actor;
  employeeId: string;
  trigger: 'attendance' | 'insurance_stopped';
  uniqueKey: string;
  asOf: string;
  days: string[];
  lastClockIn?: Date;
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
  // The run's "now" is the end of the as-of day, so `--as-of` runs are reproducible.
  const detectedAt = startOfDayIn(deps.businessTz, addDays(o.asOf, 1));
  const managerDueAt = new Date(detectedAt.getTime() + o.slaHours * 3_600_000);
  const firstAbsentDay = o.days[0] ?? o.asOf;
  const { count } = await tx.absenceCase.createMany({
    data: [{ uniqueKey: o.uniqueKey, employeeId: o.employeeId, trigger: o.trigger, firstAbsentDay: parseDay(firstAbsentDay), lastCheckedDay: parseDay(o.asOf), absentDays: o.days.length, days: o.days, managerDueAt }],
    skipDuplicates: true,
  });
  if (count === 0) return undefined;
  const created = await tx.absenceCase.findUniqueOrThrow({ where: { uniqueKey: o.uniqueKey } });
  const employee = await tx.employee.findUniqueOrThrow({ where: { id: o.employeeId }, select: { name: true, managerId: true, department: { select: { name: true } } } });
  await writeAuditEvent(tx, o.actor, { type: 'absence.detected', data: { caseId: created.id, trigger: o.trigger, absentDays: o.days.length, days: o.days } }, { type: 'employee', id: o.employeeId });
  const recipients = await findAbsenceRecipients(tx, { employeeId: o.employeeId, managerId: employee.managerId, platforms: deps.chatPlatforms, now: deps.now(), businessTz: deps.businessTz });
  let cards = 0;
  for (const platform of deps.chatPlatforms) {
    const to = recipients.byPlatform.get(platform) ?? [];
    if (to.length === 0) continue;
    const card = buildAbsenceCheckCard({
      facts: {
        name: employee.name,
        department: employee.department.name,
        ...(o.lastClockIn && { lastClockIn: formatDateTime(deps.businessTz, o.lastClockIn) }),
        days: o.days,
        trigger: o.trigger,
        answerBy: formatDateTime(deps.businessTz, managerDueAt),
      },
      key: absenceCardKey(created.id, platform),
      h5Url: `${deps.publicBaseUrl}/app/absence/${created.id}`,
    });
    await tx.cardInstance.create({ data: { cardKey: card.key, platform, type: ABSENCE_CHECK_CARD, subjectType: 'absence_case', subjectId: created.id, recipients: toJsonColumn(to), model: toJsonColumn(card) } });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card }, availableAt: recipients.availableAt });
    await queueGroupCopy(deps, tx, { recipients, platform, card, availableAt: recipients.availableAt });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'employee', id: o.employeeId });
    cards++;
  }
  return { caseId: created.id, cards };
}
