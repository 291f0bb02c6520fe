// Runs a test with one alert kind's audience set in the notification settings, then restores the
// defaults, so the other tests of the file keep the behaviour before the setting.
import type { Db } from '../../src/db/client.ts';
import type { AlertKind } from '../../src/domain/notifications/alert-kinds.ts';
import { NOTIFICATION_PREFERENCES_KEY, defaultNotificationPreferences, type Audience } from '../../src/domain/notifications/notification-preferences.ts';

export async function withAlertAudience<T>(db: Db, kind: AlertKind, audience: Audience, run: () => Promise<T>): Promise<T> {
  const value = JSON.stringify({ ...defaultNotificationPreferences, kinds: { ...defaultNotificationPreferences.kinds, [kind]: audience } });
  await db.appMeta.upsert({ where: { key: NOTIFICATION_PREFERENCES_KEY }, create: { key: NOTIFICATION_PREFERENCES_KEY, value }, update: { value } });
  try {
    return await run();
  } finally {
    await db.appMeta.deleteMany({ where: { key: NOTIFICATION_PREFERENCES_KEY } });
  }
}

/** Empties what an alert test leaves behind: the settings, alerts, cards, outbox rows and jobs, employees. */
export async function clearAlertState(db: Db): Promise<void> {
  await db.appMeta.deleteMany({ where: { key: NOTIFICATION_PREFERENCES_KEY } });
  await db.alert.deleteMany();
  await db.cardInstance.deleteMany();
  await db.outboxMessage.deleteMany();
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'outbox'`);
  await db.employee.updateMany({ data: { managerId: null } });
  await db.employee.deleteMany();
}
