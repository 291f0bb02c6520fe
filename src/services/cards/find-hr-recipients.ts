// Who gets HR's cards on each platform. Most cards go to the HR specialists who can be reached
// there, or to the HR managers when a company has no specialist on that platform (small teams);
// escalations (an enrolment deadline about to pass) go to both.
import type { Db, Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from './card-instance-json.ts';

export interface HrRecipients {
  readonly platforms: readonly Platform[];
  /** The HR specialists on the platform, or its HR managers when it has none. */
  answering(platform: Platform): CardRecipient[];
  /** Every HR specialist and HR manager on the platform. */
  everyone(platform: Platform): CardRecipient[];
}

/** One query for every platform: the active HR staff with an identity there, by user id. */
export async function findHrRecipients(db: Db | Tx, platforms: readonly Platform[]): Promise<HrRecipients> {
  const identities = await db.platformIdentity.findMany({
    where: {
      platform: { in: [...platforms] },
      employee: { status: { not: 'EXITED' }, roles: { some: { role: { in: ['HR_SPECIALIST', 'HR_MANAGER'] } } } },
    },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { roles: { select: { role: true } } } } },
    orderBy: { userId: 'asc' },
  });
  const pick = (platform: Platform, role?: 'HR_SPECIALIST' | 'HR_MANAGER'): CardRecipient[] =>
    identities
      .filter((i) => i.platform === platform && (!role || i.employee.roles.some((r) => r.role === role)))
      .map((i) => ({ userId: i.userId, employeeId: i.employeeId }));
  return {
    platforms,
    answering(platform) {
      const specialists = pick(platform, 'HR_SPECIALIST');
      return specialists.length > 0 ? specialists : pick(platform, 'HR_MANAGER');
    },
    everyone: (platform) => pick(platform),
  };
}
