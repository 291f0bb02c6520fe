// Who answers an absence card on each platform, as HR chose for 缺勤预警 (by default the employee's
// line manager where the manager has an account there; otherwise the HR specialists, the HR
// managers in small teams), and when the card may go out (quiet hours: the first question to the
// manager protects no deadline due today, so it waits for the morning).
import type { Db, Tx } from '../../db/client.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { CardRecipient } from '../cards/card-instance-json.ts';
import { findHrRecipients, type HrRecipients } from '../cards/find-hr-recipients.ts';

export interface AbsenceRecipients {
  byPlatform: Map<Platform, CardRecipient[]>;
  availableAt: Date | undefined;
  group: HrRecipients['group'];
}

/**
 * The audience of a detection batch, loaded once for it: the HR side and the batch's line
 * managers (`managerIds`); each employee's recipients are picked from it.
 */
export const findAbsenceAudience = (db: Db | Tx, opts: { platforms: readonly Platform[]; now: Date; businessTz: string; managerIds: readonly string[] }): Promise<HrRecipients> =>
  findHrRecipients(db, opts.platforms, { kind: 'absence', now: opts.now, businessTz: opts.businessTz, managerIds: opts.managerIds });

/** One employee's recipients out of the loaded audience. */
export function absenceRecipientsOf(audience: HrRecipients, o: { employeeId: string; managerId: string | null }): AbsenceRecipients {
  const byPlatform = new Map<Platform, CardRecipient[]>();
  for (const platform of audience.platforms) {
    // Nobody answers for their own absence.
    byPlatform.set(platform, audience.answering(platform, { managerId: o.managerId }).filter((r) => r.employeeId !== o.employeeId));
  }
  return { byPlatform, availableAt: audience.availableAt({ legalDeadlineToday: false }), group: audience.group };
}
