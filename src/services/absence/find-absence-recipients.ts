// Who answers an absence card on each platform: the employee's line manager where the manager
// has an account there; otherwise the HR specialists (the HR managers in small teams).
import type { Db, Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients } from '../cards/find-hr-recipients.ts';

export async function findAbsenceRecipients(db: Db | Tx, opts: { employeeId: string; managerId: string | null; platforms: readonly Platform[] }): Promise<Map<Platform, CardRecipient[]>> {
  const hr = await findHrRecipients(db as Db, opts.platforms);
  const managerIdentities = opts.managerId
    ? await db.platformIdentity.findMany({ where: { employeeId: opts.managerId, platform: { in: [...opts.platforms] }, employee: { status: { not: 'EXITED' } } }, select: { platform: true, userId: true, employeeId: true } })
    : [];
  const out = new Map<Platform, CardRecipient[]>();
  for (const platform of opts.platforms) {
    const manager = managerIdentities.filter((i) => i.platform === platform).map((i) => ({ userId: i.userId, employeeId: i.employeeId }));
    // Nobody answers for their own absence.
    out.set(platform, (manager.length > 0 ? manager : hr.answering(platform)).filter((r) => r.employeeId !== opts.employeeId));
  }
  return out;
}
