// Who answers an absence card on each platform, as HR chose for 缺勤预警 (by default the employee's
// line manager where the manager has an account there; otherwise the HR specialists, the HR
// managers in small teams), and when the card may go out (quiet hours: the first question to the
// manager protects no deadline due today, so it waits for the morning).
import type { Db, Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';

export async function findAbsenceRecipients(
  db: Db | Tx,
  opts: { employeeId: string; managerId: string | null; platforms: readonly Platform[]; now: Date; businessTz: string },
): Promise<{ byPlatform: Map<Platform, CardRecipient[]>; availableAt: Date | undefined; group: HrRecipients['group'] }> {
  const recipients = await findHrRecipients(db, opts.platforms, { kind: 'absence', now: opts.now, businessTz: opts.businessTz });
  const byPlatform = new Map<Platform, CardRecipient[]>();
  for (const platform of opts.platforms) {
    // Nobody answers for their own absence.
    byPlatform.set(platform, recipients.answering(platform, { managerId: opts.managerId }).filter((r) => r.employeeId !== opts.employeeId));
  }
  return { byPlatform, availableAt: recipients.availableAt({ legalDeadlineToday: false }), group: recipients.group };
}
