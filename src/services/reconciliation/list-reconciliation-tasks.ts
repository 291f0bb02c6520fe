// The reconciliation task list for HR (GET /api/v1/reconciliation/tasks), newest first.
import { authorize } from '../../domain/permissions.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ListReconciliationTasksOptions {
  actor: Actor;
  state?: 'OPEN' | 'CLOSED';
  kind?: string;
  /** 'YYYY-MM' */
  month?: string;
  limit?: number;
}

export async function listReconciliationTasks(deps: ServiceDeps, o: ListReconciliationTasksOptions) {
  authorize(o.actor, 'reconciliation.list');
  const rows = await deps.db.reconciliationTask.findMany({
    where: { ...(o.state && { state: o.state }), ...(o.kind && { kind: o.kind }), ...(o.month && { month: o.month }) },
    orderBy: [{ createdAt: 'desc' }, { uniqueKey: 'asc' }],
    take: o.limit ?? 200,
  });
  return rows.map((t) => ({
    id: t.id, kind: t.kind, month: t.month, state: t.state, employeeId: t.employeeId, ownerId: t.ownerId,
    details: t.details, dueOn: formatDay(t.dueOn), cardKey: t.cardKey, createdAt: t.createdAt.toISOString(), closedAt: t.closedAt?.toISOString() ?? null,
  }));
}
