// Who gets an alert on each platform, as HR chose per alert kind (notification preferences,
// docs/notifications.md). The defaults are the behaviour before the setting: most cards go to the
// HR specialists who can be reached there, or to the HR managers when a company has no specialist
// on that platform (small teams); escalations (an enrolment deadline about to pass) go to both.
import type { Db, Tx } from '../../db/client.ts';
import type { AlertKind } from '../../domain/notifications/alert-kinds.ts';
import { NOTIFICATION_PREFERENCES_KEY, defaultNotificationPreferences, parseNotificationPreferences, type Audience } from '../../domain/notifications/notification-preferences.ts';
import { heldUntil } from '../../domain/notifications/quiet-hours.ts';
import type { Platform } from '../../generated/prisma/client.ts';
import type { Logger } from '../../log.ts';
import type { CardRecipient } from './card-instance-json.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

/** The employee an alert is about, when there is one: their line manager may be an audience. */
export interface AlertSubject {
  managerId: string | null;
}

export interface HrRecipients {
  readonly platforms: readonly Platform[];
  /** The audience HR chose for the kind; nobody chosen reachable → the HR specialists, or the HR managers when there are none. */
  answering(platform: Platform, subject?: AlertSubject): CardRecipient[];
  /**
   * Only what HR ticked, with no fallback: for alerts that always have their own main recipients
   * (an approval's approvers), to which the setting adds people.
   */
  added(platform: Platform, subject?: AlertSubject): CardRecipient[];
  /** An escalation: the chosen audience and every HR manager on the platform. */
  everyone(platform: Platform, subject?: AlertSubject): CardRecipient[];
  /**
   * An escalation above the people who already have the alert (an unanswered question): every HR
   * manager, and the employee's line manager when ticked; the specialists are not sent it again.
   */
  above(platform: Platform, subject?: AlertSubject): CardRecipient[];
  /** When a message queued now may go out: quiet hours hold it unless it protects a legal deadline due today. */
  availableAt(o: { legalDeadlineToday: boolean }): Date | undefined;
  /**
   * The group chat HR chose for the kind, on the first of `platforms` (a group id belongs to one
   * platform; WeCom comes before DingTalk), or null. queue-group-copy.ts posts each alert there once.
   */
  readonly group: { platform: Platform; chatId: string } | null;
}

export interface AlertKindOptions {
  kind: AlertKind;
  now: Date;
  businessTz: string;
  log?: Logger;
  /**
   * When the kind goes to line managers: only these managers may be asked (a batch's subjects'
   * own). Without it every manager's identity is loaded — once per run is fine, once per batch
   * of a 1M-employee sweep read 20,000 identities 150 times.
   */
  managerIds?: readonly string[];
}

/**
 * One query for every platform: the active HR staff (and, when the kind goes to line managers,
 * the managers) with an identity there, by user id. Without `alert`: the default audience, never held.
 * @example
 *   const to = await findHrRecipients(db, ['wecom'], { kind: 'enrolment', now: deps.now(), businessTz: deps.businessTz });
 *   to.answering('wecom'); to.availableAt({ legalDeadlineToday: false })
 */
export async function findHrRecipients(db: Db | Tx, platforms: readonly Platform[], alert?: AlertKindOptions): Promise<HrRecipients> {
  const prefs = alert
    ? await loadStoredRules(db, { key: NOTIFICATION_PREFERENCES_KEY, parse: parseNotificationPreferences, log: alert.log, invalid: 'notification preferences in AppMeta are invalid; using the defaults' })
    : defaultNotificationPreferences;
  const audience: Audience = alert ? prefs.kinds[alert.kind] : { hrSpecialists: true, hrManagers: false, employeeManager: false, groupChatId: null };
  const identities = await db.platformIdentity.findMany({
    where: {
      platform: { in: [...platforms] },
      employee: {
        status: { not: 'EXITED' },
        OR: [
          { roles: { some: { role: { in: ['HR_SPECIALIST', 'HR_MANAGER'] } } } },
          ...(audience.employeeManager ? [alert?.managerIds ? { id: { in: [...alert.managerIds] } } : { reports: { some: {} } }] : []),
        ],
      },
    },
    select: { platform: true, userId: true, employeeId: true, employee: { select: { roles: { select: { role: true } } } } },
    orderBy: { userId: 'asc' },
  });
  const pick = (platform: Platform, keep: (i: (typeof identities)[number]) => boolean): CardRecipient[] =>
    identities.filter((i) => i.platform === platform && keep(i)).map((i) => ({ userId: i.userId, employeeId: i.employeeId }));
  const has = (role: 'HR_SPECIALIST' | 'HR_MANAGER') => (i: (typeof identities)[number]) => i.employee.roles.some((r) => r.role === role);
  const chosen = (platform: Platform, subject: AlertSubject | undefined, alsoManagers: boolean, specialists = audience.hrSpecialists) => pick(platform, (i) =>
    (specialists && has('HR_SPECIALIST')(i))
    || ((audience.hrManagers || alsoManagers) && has('HR_MANAGER')(i))
    || (audience.employeeManager && !!subject?.managerId && i.employeeId === subject.managerId));
  const fallback = (platform: Platform) => {
    const specialists = pick(platform, has('HR_SPECIALIST'));
    return specialists.length > 0 ? specialists : pick(platform, has('HR_MANAGER'));
  };
  return {
    platforms,
    answering(platform, subject) {
      const to = chosen(platform, subject, false);
      return to.length > 0 ? to : fallback(platform);
    },
    added: (platform, subject) => chosen(platform, subject, false),
    above(platform, subject) {
      const to = chosen(platform, subject, true, false);
      return to.length > 0 ? to : fallback(platform);
    },
    everyone(platform, subject) {
      const to = chosen(platform, subject, true);
      return to.length > 0 ? to : fallback(platform);
    },
    group: audience.groupChatId && platforms[0] ? { platform: platforms[0], chatId: audience.groupChatId } : null,
    availableAt: (o) => (alert ? heldUntil(prefs.quietHours, alert.now, alert.businessTz, o) ?? undefined : undefined),
  };
}
