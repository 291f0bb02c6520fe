// Who gets an exit card on each platform: HR as chosen for 离职待办 in the notification settings
// (by default the HR specialists, or the HR managers when a platform has no specialist), the HR
// managers (escalations), or named employees (a task's owner, the leaver).
import type { Db, Tx } from '../../db/client.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Platform, Role } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';

/** `hr`: as chosen for the alert kind (离职待办 unless given: 转移接续 for pension-transfer steps). */
export type ExitAudience = { kind: 'hr'; alertKind?: 'exitTasks' | 'transfer' } | { kind: 'hrManagers' } | { kind: 'employees'; ids: string[] };

/** Recipients by platform, and the group chat HR chose (HR audiences only). */
export type ExitRecipients = Map<Platform, CardRecipient[]> & { group: HrRecipients['group'] };

/**
 * @example const byPlatform = await findExitRecipients(tx, ['wecom'], { kind: 'hrManagers' });
 */
export async function findExitRecipients(db: Db | Tx, platforms: readonly Platform[], audience: ExitAudience, clock: { now: Date; businessTz: string }): Promise<ExitRecipients> {
  if (audience.kind === 'hr') {
    const hr = await findHrRecipients(db, platforms, { kind: audience.alertKind ?? 'exitTasks', ...clock });
    return Object.assign(new Map(platforms.map((p) => [p, hr.answering(p)])), { group: hr.group });
  }
  const where = audience.kind === 'employees'
    ? { employeeId: { in: audience.ids } }
    : { employee: { status: { not: 'EXITED' as const }, roles: { some: { role: { in: ['HR_SPECIALIST', 'HR_MANAGER'] as Role[] } } } } };
  const identities = await db.platformIdentity.findMany({
    where: { platform: { in: [...platforms] }, ...where },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { roles: { select: { role: true } } } } },
    orderBy: { userId: 'asc' },
  });
  const byPlatform = new Map<Platform, CardRecipient[]>();
  for (const platform of platforms) {
    const here = identities.filter((i) => i.platform === platform);
    const has = (role: Role) => here.filter((i) => i.employee.roles.some((r) => r.role === role));
    const chosen = audience.kind === 'employees' ? here : has('HR_MANAGER');
    byPlatform.set(platform, chosen.map((i) => ({ userId: i.userId, employeeId: i.employeeId })));
  }
  return Object.assign(byPlatform, { group: null });
}

/** The HR specialist who owns a leaver's checklist: the acting specialist, else the first one, else an HR manager. */
export async function findChecklistOwner(db: Db | Tx, actor: Actor): Promise<{ id: string; name: string } | null> {
  const pick = (role: Role, id?: string) => db.employee.findFirst({
    where: { status: { not: 'EXITED' }, roles: { some: { role } }, ...(id && { id }) },
    select: { id: true, name: true },
    orderBy: { employeeNo: 'asc' },
  });
  const acting = actor.kind === 'employee' ? await pick('HR_SPECIALIST', actor.id) : null;
  return acting ?? (await pick('HR_SPECIALIST')) ?? (await pick('HR_MANAGER'));
}
