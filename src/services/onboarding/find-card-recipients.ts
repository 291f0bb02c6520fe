// Who answers an onboarding card on each platform: the HR specialists who can be reached
// there, or the HR managers when a company has no specialist on that platform (small teams).
import type { Db, Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from './card-instance-json.ts';

export async function findCardRecipients(db: Db | Tx, platforms: readonly Platform[]): Promise<Map<Platform, CardRecipient[]>> {
  const identities = await db.platformIdentity.findMany({
    where: {
      platform: { in: [...platforms] },
      employee: { status: { not: 'EXITED' }, roles: { some: { role: { in: ['HR_SPECIALIST', 'HR_MANAGER'] } } } },
    },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { roles: { select: { role: true } } } } },
    orderBy: { userId: 'asc' },
  });
  const byPlatform = new Map<Platform, CardRecipient[]>();
  for (const platform of platforms) {
    const here = identities.filter((i) => i.platform === platform);
    const has = (role: string) => here.filter((i) => i.employee.roles.some((r) => r.role === role));
    const chosen = has('HR_SPECIALIST').length > 0 ? has('HR_SPECIALIST') : has('HR_MANAGER');
    byPlatform.set(platform, chosen.map((i) => ({ userId: i.userId, employeeId: i.employeeId })));
  }
  return byPlatform;
}
