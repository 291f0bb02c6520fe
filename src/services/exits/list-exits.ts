// Exit cases: all of them for HR, one's own for an employee; and the open checklist items.
import type { Actor } from '../../domain/actor.ts';
import { dayIn } from '../../domain/dates.ts';
import { authorize } from '../../domain/permissions.ts';
import type { ServiceDeps } from '../deps.ts';
import type { ExitRowView, ExitTaskListItem } from '../../domain/views/exits.ts';
import { toExitRow, toTaskView } from './exit-view.ts';

const employeeSelect = { id: true, name: true, employeeNo: true, department: { select: { name: true } } } as const;

/**
 * @example await listExits(deps, { actor, state: 'NOTICE_1_SENT' });
 */
export async function listExits(deps: ServiceDeps, o: { actor: Actor; state?: string; kind?: string }): Promise<{ exits: ExitRowView[] }> {
  const scope = authorize(o.actor, 'exit.read');
  const rows = await deps.db.exitProcess.findMany({
    where: { ...(scope !== 'all' && { employeeId: o.actor.id }), ...(o.state && { state: o.state }), ...(o.kind && { kind: o.kind }) },
    orderBy: { createdAt: 'desc' },
    take: 500,
  });
  const employees = await deps.db.employee.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.employeeId))] } }, select: employeeSelect });
  const byId = new Map(employees.map((e) => [e.id, e]));
  return { exits: rows.flatMap((r) => { const e = byId.get(r.employeeId); return e ? [toExitRow(deps.businessTz, r, e)] : []; }) };
}

/**
 * @example await listExitTasks(deps, { actor, state: 'OPEN' });
 */
export async function listExitTasks(deps: ServiceDeps, o: { actor: Actor; state?: 'OPEN' | 'DONE' | 'OVERDUE' }): Promise<{ tasks: ExitTaskListItem[] }> {
  authorize(o.actor, 'exit.manage');
  const today = dayIn(deps.businessTz, deps.now());
  const tasks = await deps.db.exitTask.findMany({
    where: o.state === 'OVERDUE' ? { state: 'OPEN', dueOn: { lt: new Date(`${today}T00:00:00.000Z`) } } : o.state ? { state: o.state } : {},
    orderBy: [{ dueOn: 'asc' }, { createdAt: 'asc' }],
    take: 500,
  });
  const employees = await deps.db.employee.findMany({ where: { id: { in: [...new Set(tasks.map((t) => t.employeeId))] } }, select: { id: true, name: true } });
  const names = new Map(employees.map((e) => [e.id, e.name]));
  return { tasks: tasks.map((t) => ({ ...toTaskView(deps.businessTz, t, today), employeeName: names.get(t.employeeId) ?? '' })) };
}
