// Four-eyes on the roster (src/domain/role-grants.ts): a row may not give or take a role the
// importer could not grant through 修改角色 (nor touch the importer's own roles), and may not
// rebind the chat accounts of someone holding such a role. Such a row is refused like any other
// bad row, so nothing of the file is imported.
import type { Actor } from '../../domain/actor.ts';
import { identityChangeProblem, roleChangeProblem } from '../../domain/role-grants.ts';
import type { Role } from '../../generated/prisma/enums.ts';
import type { KnownEmployee } from './load-roster-employees.ts';
import type { RosterProblem, RosterRecord } from './map-roster-row.ts';
import { headerOf } from './roster-columns.ts';

/** The roles a row leaves its employee with: stored ones unless 角色 is filled; 员工 for a new one. */
export function rolesAfterRow(record: RosterRecord, current: KnownEmployee | undefined): { before: Role[]; after: Role[] } {
  const before = current?.roles.map((r) => r.role) ?? [];
  if (!current) return { before, after: record.input.roles ?? ['EMPLOYEE'] };
  return { before, after: record.rolesGiven && record.input.roles ? record.input.roles : before };
}

export function findRosterRoleProblems(actor: Actor, records: RosterRecord[], known: Map<string, KnownEmployee>): RosterProblem[] {
  const problems: RosterProblem[] = [];
  for (const record of records) {
    const current = known.get(record.input.employeeNo);
    const { before, after } = rolesAfterRow(record, current);
    const roleProblem = roleChangeProblem(actor, { employeeId: current?.id, before, after });
    if (roleProblem) problems.push({ row: record.row, column: headerOf.roles, message: roleProblem });
    if (!current) continue;
    for (const platform of ['wecom', 'dingtalk'] as const) {
      const userId = record.input.identities?.[platform];
      const stored = current.identities.find((i) => i.platform === platform)?.userId;
      const problem = userId !== undefined && userId !== stored ? identityChangeProblem(actor, before) : undefined;
      if (problem) problems.push({ row: record.row, column: headerOf[platform], message: problem });
    }
  }
  return problems;
}
