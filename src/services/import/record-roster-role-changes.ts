// After a roster import wrote its rows: one employee.roles_changed event per employee whose
// roles the file changed (or who was created with more than 员工), and one card listing them to
// the HR managers and admins, all in the import's transaction.
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { queueRolesChangedCard, type RoleChangeRecord } from '../employees/queue-roles-changed-card.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterPlan } from './plan-roster-changes.ts';
import { writeAuditEvents } from '../audit/write-audit-event.ts';

export async function recordRosterRoleChanges(
  deps: ServiceDeps,
  tx: Tx,
  o: { actor: Actor; plan: RosterPlan; known: Map<string, KnownEmployee>; fileName: string; fileHash: string },
): Promise<number> {
  const changes: (RoleChangeRecord & { id: string })[] = [
    ...o.plan.creates.filter((c) => c.roles.some((r) => r !== 'EMPLOYEE')).map((c) => ({ id: c.id, name: c.columns.name, employeeNo: c.employeeNo, before: [], after: c.roles })),
    ...o.plan.updates.flatMap((u) => (u.newRoles
      ? [{ id: u.id, name: u.columns.name, employeeNo: u.employeeNo, before: o.known.get(u.employeeNo)?.roles.map((r) => r.role) ?? [], after: u.newRoles }]
      : [])),
  ];
  if (changes.length === 0) return 0;
  const reason = `名册导入（${o.fileName}）`;
  await writeAuditEvents(tx, o.actor, changes.map((c) => ({
    event: { type: 'employee.roles_changed' as const, data: { employeeNo: c.employeeNo, before: c.before, after: c.after, reason, source: 'import' as const } },
    subject: { type: 'employee' as const, id: c.id },
  })));
  await queueRolesChangedCard(deps, tx, { actor: o.actor, subject: { type: 'import', id: o.fileHash }, changes, reason });
  return changes.length;
}
