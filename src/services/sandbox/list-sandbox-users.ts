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
  return users.flatMap((u) => {
    const userId = userIdOf.get(u.id);
    return userId ? [{ ...u, employeeId: u.id, userId, received: countOf.get(userId) ?? 0 }] : [];
  });
}
