import type { Tx } from '../../db/client.ts';
import { actorSnapshot, type Actor } from '../../domain/actor.ts';
import { auditEventSchema, type AuditEventInput } from '../../domain/audit-events.ts';

export interface AuditSubject {
  type: 'employee' | 'department' | 'import' | 'session' | 'job' | 'company' | 'insurance_exception' | 'exit_process' | 'company_rule' | 'employee_question' | 'proof' | 'quiz_attempt';
  id: string;
}

/** Writes one typed audit event inside the caller's transaction, so it commits with the change. */
export async function writeAuditEvent(tx: Tx, actor: Actor, event: AuditEventInput, subject?: AuditSubject): Promise<void> {
  const parsed = auditEventSchema.parse(event);
  await tx.auditEvent.create({
    data: {
      type: parsed.type,
      data: parsed.data,
      actor: actorSnapshot(actor),
      subjectType: subject?.type,
      subjectId: subject?.id,
      ip: actor.ip,
      userAgent: actor.userAgent,
    },
  });
}

/** Many typed audit events in one `INSERT` (a sweep's batch), inside the caller's transaction. */
export async function writeAuditEvents(tx: Tx, actor: Actor, events: readonly { event: AuditEventInput; subject?: AuditSubject }[]): Promise<void> {
  if (events.length === 0) return;
  const snapshot = actorSnapshot(actor);
  await tx.auditEvent.createMany({
    data: events.map(({ event, subject }) => {
      const parsed = auditEventSchema.parse(event);
      return { type: parsed.type, data: parsed.data, actor: snapshot, subjectType: subject?.type, subjectId: subject?.id, ip: actor.ip, userAgent: actor.userAgent };
    }),
  });
}
