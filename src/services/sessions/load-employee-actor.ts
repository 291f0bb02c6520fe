import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import { effectiveRoles } from '../employees/employee-view.ts';

/** The actor for a signed-in employee: assigned roles plus MANAGER when someone reports to them. */
export async function loadEmployeeActor(db: Db | Tx, employeeId: string, request?: { ip?: string; forwardedFor?: string; userAgent?: string }): Promise<Actor | undefined> {
  const e = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, name: true, status: true, roles: { select: { role: true } }, _count: { select: { reports: true } } },
  });
  if (!e || e.status === 'EXITED') return undefined;
  return { kind: 'employee', id: e.id, name: e.name, roles: effectiveRoles(e.roles.map((r) => r.role), e._count.reports), ...request };
}
