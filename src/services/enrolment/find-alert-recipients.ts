// Who gets an enrolment reminder: the warning goes to the HR specialists (the managers when a
// platform has none); the escalation and the overdue alerts go to managers and specialists both.
import type { Db } from '../../db/client.ts';
import type { StageKind } from '../../domain/enrolment/enrolment-schedule.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../onboarding/card-instance-json.ts';

export type RecipientsByKind = (kind: StageKind, platform: Platform) => CardRecipient[];

export async function findAlertRecipients(db: Db, platforms: readonly Platform[]): Promise<RecipientsByKind> {
  const identities = await db.platformIdentity.findMany({
    where: {
      platform: { in: [...platforms] },
      employee: { status: { not: 'EXITED' }, roles: { some: { role: { in: ['HR_SPECIALIST', 'HR_MANAGER'] } } } },
    },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { roles: { select: { role: true } } } } },
    orderBy: { userId: 'asc' },
  });
  const pick = (platform: Platform, role?: string) =>
    identities
      .filter((i) => i.platform === platform && (!role || i.employee.roles.some((r) => r.role === role)))
      .map((i) => ({ userId: i.userId, employeeId: i.employeeId }));
  return (kind, platform) => {
    if (kind !== 'warn') return pick(platform);
    const specialists = pick(platform, 'HR_SPECIALIST');
    return specialists.length > 0 ? specialists : pick(platform, 'HR_MANAGER');
  };
}
