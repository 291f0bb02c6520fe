import { isSandboxGroupUserId, SANDBOX_GROUP_NAME, SANDBOX_GROUP_PREFIX } from '../../domain/sandbox-group.ts';
import type { SandboxUser } from '../../domain/views/sandbox.ts';
import type { ServiceDeps } from '../deps.ts';
import { listDemoUsers } from '../profile/list-demo-users.ts';

/**
 * The people the sandbox chat can impersonate: the dev login's demo users, each with the
 * sandbox platform user id their messages are addressed to, and how many messages the app
 * has sent them (so a tester sees at a glance who has cards waiting).
 *
 * @example const users = await listSandboxUsers(deps); // [{ userId: 'hr-specialist', name: '林晓雯', … }]
 */
export async function listSandboxUsers(deps: ServiceDeps): Promise<SandboxUser[]> {
  const users = await listDemoUsers(deps);
  const [identities, counts] = await Promise.all([
    deps.db.platformIdentity.findMany({
      where: { platform: 'sandbox', employeeId: { in: users.map((u) => u.id) } },
      select: { employeeId: true, userId: true },
    }),
    deps.db.sandboxMessage.groupBy({ by: ['userId'], where: { direction: 'out' }, _count: { _all: true } }),
  ]);
  const userIdOf = new Map(identities.map((i) => [i.employeeId, i.userId]));
  const countOf = new Map(counts.map((c) => [c.userId, c._count._all]));
  const people = users.flatMap((u) => {
    const userId = userIdOf.get(u.id);
    return userId ? [{ ...u, employeeId: u.id, userId, received: countOf.get(userId) ?? 0 }] : [];
  });
  // Each group the app posted to appears as a pseudo-user 「群聊」 (its id as the department line).
  const groups = counts.filter((c) => isSandboxGroupUserId(c.userId)).map((c): SandboxUser => ({
    id: c.userId, employeeNo: '', name: SANDBOX_GROUP_NAME, department: c.userId.slice(SANDBOX_GROUP_PREFIX.length), roles: [], employeeId: '', userId: c.userId, received: c._count._all,
  }));
  return [...people, ...groups];
}
