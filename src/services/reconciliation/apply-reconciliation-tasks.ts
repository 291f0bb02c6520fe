// Turns this run's mismatches into task state, set-based and guarded like a compare-and-set:
// create under the unique key (skipDuplicates), reopen only rows still CLOSED, close only rows
// still OPEN whose condition no longer holds. Two runs at once therefore never open or close
// the same task twice, and each change gets its audit event in the same transaction.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AuditEventInput } from '../../domain/audit-events.ts';
import { parseDay } from '../../domain/dates.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { AuditSubject } from '../audit/write-audit-event.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';
import { RECONCILIATION_KINDS, reconciliationTaskKey, type Mismatch } from './reconciliation-kinds.ts';

export interface TaskRow {
  id: string;
  kind: string;
  uniqueKey: string;
  employeeId: string | null;
  month: string;
  details: Prisma.JsonValue;
}

export interface ApplyTasksOptions {
  month: string;
  mismatches: Mismatch[];
  ownerId: string | null;
  /** 'YYYY-MM-DD' */
  dueOn: string;
  now: Date;
  actor: Actor;
}

const select = { id: true, kind: true, uniqueKey: true, employeeId: true, month: true, details: true } as const;

export async function applyReconciliationTasks(tx: Tx, o: ApplyTasksOptions): Promise<{ opened: TaskRow[]; closed: TaskRow[] }> {
  const keys = o.mismatches.map((m) => reconciliationTaskKey(m, o.month));
  const created = await tx.reconciliationTask.createManyAndReturn({
    data: o.mismatches.map((m, i) => ({
      kind: m.kind, uniqueKey: keys[i] as string, employeeId: m.employeeId, month: o.month,
      details: m.details as Prisma.InputJsonValue, ownerId: o.ownerId, dueOn: parseDay(o.dueOn),
    })),
    skipDuplicates: true,
    select,
  });
  // A condition that came back after its task was closed (data "fixed", then reverted) reopens it.
  const reopened = await tx.reconciliationTask.updateManyAndReturn({
    where: { uniqueKey: { in: keys }, state: 'CLOSED' },
    data: { state: 'OPEN', closedAt: null, dueOn: parseDay(o.dueOn) },
    select,
  });
  const closed = await tx.reconciliationTask.updateManyAndReturn({
    where: { month: o.month, state: 'OPEN', kind: { in: [...RECONCILIATION_KINDS] }, uniqueKey: { notIn: keys } },
    data: { state: 'CLOSED', closedAt: o.now },
    select,
  });
  await writeAuditEvents(tx, o.actor, [
    ...created.map((t) => audit(t, 'reconciliation.task_opened')),
    ...reopened.map((t) => audit(t, 'reconciliation.task_reopened')),
    ...closed.map((t) => audit(t, 'reconciliation.task_closed')),
    ...[...created, ...reopened].filter((t) => t.kind === 'stopped_while_active').map(stoppedEvent),
  ]);
  return { opened: [...created, ...reopened], closed };
}

type TaskEvent = 'reconciliation.task_opened' | 'reconciliation.task_reopened' | 'reconciliation.task_closed';

function audit(t: TaskRow, type: TaskEvent): { event: AuditEventInput; subject?: AuditSubject } {
  return { event: { type, data: { uniqueKey: t.uniqueKey, kind: t.kind, month: t.month } }, ...subject(t) };
}

function stoppedEvent(t: TaskRow): { event: AuditEventInput; subject?: AuditSubject } {
  const lastPaidMonth = String((t.details as { lastPaidMonth?: string } | null)?.lastPaidMonth ?? '');
  return { event: { type: 'insurance.stopped_while_active', data: { employeeId: t.employeeId ?? '', month: t.month, lastPaidMonth } }, ...subject(t) };
}

function subject(t: TaskRow): { subject?: AuditSubject } {
  return t.employeeId ? { subject: { type: 'employee', id: t.employeeId } } : {};
}
