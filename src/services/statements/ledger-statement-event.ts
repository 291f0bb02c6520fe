// A statement's delivery or first read becomes an entry of the evidence ledger over the audit
// event that recorded it, under ('employee', id), so the employee's evidence pack proves the
// company told them (社会保险法 第六十条).
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { appendEvidence } from '../evidence/append-evidence.ts';

type StatementEvent =
  | { type: 'statement.delivered'; data: { employeeId: string; month: string; platform: 'wecom' | 'dingtalk' | 'sandbox'; dedupeKey: string } }
  | { type: 'statement.read'; data: { employeeId: string; month: string } };

/** @example await ledgerStatementEvent(tx, actor, { type: 'statement.read', data: { employeeId, month } }, now); */
export async function ledgerStatementEvent(tx: Tx, actor: Actor, event: StatementEvent, at: Date): Promise<void> {
  const { employeeId } = event.data;
  await writeAuditEvent(tx, actor, event, { type: 'employee', id: employeeId });
  const written = await tx.auditEvent.findFirstOrThrow({ where: { type: event.type, subjectType: 'employee', subjectId: employeeId }, orderBy: { seq: 'desc' }, select: { id: true } });
  await appendEvidence(tx, {
    type: event.type, subjectType: 'employee', subjectId: employeeId, employeeId,
    payload: { kind: 'row', table: 'AuditEvent', id: written.id }, metadata: { ...event.data, at: at.toISOString() }, at,
  });
}
