// The batch form of writeAuditEvent: same schema check and actor snapshot, one INSERT per
// batch, so importing 5,000 employees does not mean 5,000 round trips for the log.
import type { Tx } from '../../db/client.ts';
import { actorSnapshot, type Actor } from '../../domain/actor.ts';
import { auditEventSchema, type AuditEventInput } from '../../domain/audit-events.ts';
import type { AuditSubject } from '../audit/write-audit-event.ts';

export async function writeAuditEvents(tx: Tx, actor: Actor, events: { event: AuditEventInput; subject?: AuditSubject }[]): Promise<void> {
  if (events.length === 0) return;
  const snapshot = actorSnapshot(actor);
  await tx.auditEvent.createMany({
    data: events.map(({ event, subject }) => {
      const parsed = auditEventSchema.parse(event);
      return { type: parsed.type, data: parsed.data, actor: snapshot, subjectType: subject?.type, subjectId: subject?.id, ip: actor.ip, userAgent: actor.userAgent };
    }),
  });
}
