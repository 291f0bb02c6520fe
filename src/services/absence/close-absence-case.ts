// Closes an OPEN absence case (decided by the system) and every open copy of its card, with the
// reason on the card and in the audit event: the employee is back, or the absence no longer counts.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AuditEventInput } from '../../domain/audit-events.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import { compareAndSet } from '../compare-and-set.ts';
import type { ServiceDeps } from '../deps.ts';
import { decidedColumns, queueCardUpdates } from '../cards/close-cards.ts';

type ClosedEvent = Extract<AuditEventInput, { type: 'absence.closed' }>;

/** Inside the caller's transaction, under the case's advisory lock; false when it was not OPEN. */
export async function closeAbsenceCaseInTx(deps: ServiceDeps, tx: Tx, o: { caseId: string; employeeId: string; actor: Actor; label: string; event: ClosedEvent }): Promise<boolean> {
  const now = deps.now();
  if (!(await compareAndSet(tx.absenceCase, { id: o.caseId, state: 'OPEN' }, { state: 'CLOSED', decidedById: o.actor.id, decidedByName: o.actor.name, decidedAt: now, version: { increment: 1 } }))) return false;
  const decision = { actor: o.actor, actionId: 'absence.returned', decided: { label: o.label, byName: '系统', at: now.toISOString() } };
  const cards = await tx.cardInstance.findMany({ where: { subjectType: 'absence_case', subjectId: o.caseId, state: 'OPEN' } });
  const updates = [];
  for (const card of cards) {
    const own = decidedColumns(card, decision);
    if (await compareAndSet(tx.cardInstance, { id: card.id, state: 'OPEN' }, own.data)) updates.push({ card, model: own.model });
  }
  await queueCardUpdates(deps, tx, updates);
  await writeAuditEvent(tx, o.actor, o.event, { type: 'employee', id: o.employeeId });
  return true;
}
