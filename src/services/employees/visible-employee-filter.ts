// Turns a permission scope into a where-clause, so "managers see their team, employees
// only themselves" is enforced in the query itself.
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Scope } from '../../domain/permissions.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { findTeamIds } from './find-team-ids.ts';

export async function visibleEmployeeFilter(db: Db, actor: Actor, scope: Scope): Promise<Prisma.EmployeeWhereInput> {
  if (scope === 'all') return {};
  if (actor.kind !== 'employee') return { id: { in: [] } };
  if (scope === 'self') return { id: actor.id };
  return { id: { in: [actor.id, ...(await findTeamIds(db, actor.id))] } };
}
