// One 社保增员提醒 card per platform for a new alert, queued in the alert's transaction.
import type { EnrolmentCardFacts, buildEnrolmentDeadlineCard } from '../../../cards/enrolment-deadline-card.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { toJsonColumn } from '../cards/card-instance-json.ts';
import type { HrRecipients } from '../cards/find-hr-recipients.ts';
import { queueGroupCopy } from '../cards/queue-group-copy.ts';
import { enrolmentCardKey, type DueAlert } from '../../domain/enrolment/enrolment-alert.ts';


interface QueueOptions extends DueAlert {
  actor: Actor;
  facts: EnrolmentCardFacts;
  platforms: readonly Platform[];
  recipients: HrRecipients;
  build: typeof buildEnrolmentDeadlineCard;
  h5Url: string;
  /** Quiet hours (docs/notifications.md); undefined: at once. */
  availableAt: Date | undefined;
}

/** Returns the keys of the cards queued (platforms without an HR person get none). */
export async function queueEnrolmentCards(deps: ServiceDeps, tx: Tx, o: QueueOptions): Promise<string[]> {
  const queued: string[] = [];
  for (const platform of o.platforms) {
    // A hire who is HR themselves does not get their own reminder.
    // The first warning goes to the specialists who act on it; escalations reach the managers too.
    const subject = { managerId: o.hire.managerId };
    const hr = o.due.kind === 'warn' ? o.recipients.answering(platform, subject) : o.recipients.everyone(platform, subject);
    const to = hr.filter((r) => r.employeeId !== o.hire.id);
    if (to.length === 0) continue;
    const card = o.build({ facts: o.facts, key: enrolmentCardKey(o.hire.id, o.due.stage, platform, o.hire.clockFrom), h5Url: o.h5Url });
    await tx.cardInstance.create({
      data: { cardKey: card.key, platform, type: card.type, subjectType: 'employee', subjectId: o.hire.id, recipients: toJsonColumn(to), model: toJsonColumn(card) },
    });
    const userIds = to.map((r) => r.userId);
    await deps.outbox.enqueue(tx, { dedupeKey: `card:${card.key}`, platform, recipients: userIds, payload: { kind: 'card', card }, availableAt: o.availableAt });
    await queueGroupCopy(deps, tx, { recipients: o.recipients, platform, card, availableAt: o.availableAt });
    await writeAuditEvent(tx, o.actor, { type: 'card.sent', data: { cardKey: card.key, cardType: card.type, platform, recipients: userIds } }, { type: 'employee', id: o.hire.id });
    queued.push(card.key);
  }
  return queued;
}
