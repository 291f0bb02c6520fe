// Compliance tasks for HR: enrolment remediation after a void waiver, a rejection or a lapse,
// and the work-injury enrolment an approved exception still needs.
import type { Actor } from '../../domain/actor.ts';
import { formatDay } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';

export interface ComplianceTaskItem {
  id: string;
  kind: string;
  title: string;
  employee: { id: string; name: string } | null;
  subjectType: string | null;
  subjectId: string | null;
  ownerId: string | null;
  dueOn: string;
  state: string;
  details: unknown;
  createdAt: string;
}

/**
 * @example
 *   const { tasks } = await listComplianceTasks(deps, { actor, state: 'OPEN' });
 */
export async function listComplianceTasks(deps: ServiceDeps, opts: { actor: Actor; state?: 'OPEN' | 'DONE'; kind?: string; limit?: number }): Promise<{ tasks: ComplianceTaskItem[] }> {
  authorize(opts.actor, 'task.list');
  const rows = await deps.db.complianceTask.findMany({
    where: { ...(opts.state && { state: opts.state }), ...(opts.kind && { kind: opts.kind }) },
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: opts.limit ?? 200,
  });
  const ids = [...new Set(rows.flatMap((r) => (r.employeeId ? [r.employeeId] : [])))];
  const employees = new Map((await deps.db.employee.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((e) => [e.id, e]));
  return {
    tasks: rows.map((r) => ({
      id: r.id, kind: r.kind, title: r.title, employee: (r.employeeId && employees.get(r.employeeId)) || null, subjectType: r.subjectType, subjectId: r.subjectId,
      ownerId: r.ownerId, dueOn: formatDay(r.dueOn) as string, state: r.state, details: r.details, createdAt: r.createdAt.toISOString(),
    })),
  };
}
