import { randomUUID } from 'node:crypto';
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

/** One event of a batch for writeAuditEvents. */
export interface AuditEventRow {
  event: AuditEventInput;
  subject?: AuditSubject;
}

/** Rows per statement: a digest's thousands of events stay in bounded statements. */
const EVENTS_PER_STATEMENT = 1000;

/**
 * Many typed audit events as `INSERT … SELECT FROM unnest` statements of EVENTS_PER_STATEMENT rows
 * (a sweep's batch: one), inside the caller's transaction. Raw SQL because Prisma's createMany costs
 * milliseconds per row of JSON on a loaded machine.
 */
export async function writeAuditEvents(tx: Tx, actor: Actor, events: readonly AuditEventRow[]): Promise<void> {
  // All parsed before the first statement: one invalid event writes nothing.
  const parsed = events.map(({ event, subject }) => ({ ...auditEventSchema.parse(event), subject }));
  for (let i = 0; i < parsed.length; i += EVENTS_PER_STATEMENT) await insertEvents(tx, actor, parsed.slice(i, i + EVENTS_PER_STATEMENT));
}

async function insertEvents(tx: Tx, actor: Actor, parsed: readonly (AuditEventInput & { subject?: AuditSubject })[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, type, actor, "subjectType", "subjectId", data, ip, "userAgent")
    SELECT u.id::uuid, u.type, ${JSON.stringify(actorSnapshot(actor))}::jsonb, u.subject_type, u.subject_id, u.data::jsonb, ${actor.ip ?? null}::text, ${actor.userAgent ?? null}::text
    FROM unnest(${parsed.map(() => randomUUID())}::text[], ${parsed.map((e) => e.type)}::text[], ${parsed.map((e) => e.subject?.type ?? null)}::text[],
      ${parsed.map((e) => e.subject?.id ?? null)}::text[], ${parsed.map((e) => JSON.stringify(e.data))}::text[]) WITH ORDINALITY AS u(id, type, subject_type, subject_id, data, n)
    ORDER BY u.n`;
}
