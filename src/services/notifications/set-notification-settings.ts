// An HR manager changes who receives an alert kind, or the quiet hours; what is not given keeps
// its value. Written with its audit event in one transaction.
import type { Actor } from '../../domain/actor.ts';
import type { NotificationPreferencesInput } from '../../domain/notifications/notification-preferences-input.ts';
import { NOTIFICATION_PREFERENCES_KEY, notificationPreferencesSchema, parseNotificationPreferences } from '../../domain/notifications/notification-preferences.ts';
import { authorize } from '../../domain/permissions.ts';
import type { NotificationSettingsView } from '../../domain/views/notifications.ts';
import { writeAuditEvent } from '../audit/write-audit-event.ts';
import type { ServiceDeps } from '../deps.ts';
import { notificationSettingsView } from './notification-settings-view.ts';

/** @example await setNotificationSettings(deps, { actor, input: { quietHours: { enabled: true, start: '22:00', end: '08:00' } } }) */
export async function setNotificationSettings(deps: Pick<ServiceDeps, 'db'>, o: { actor: Actor; input: NotificationPreferencesInput }): Promise<NotificationSettingsView> {
  authorize(o.actor, 'notifications.configure');
  return deps.db.$transaction(async (tx) => {
    const meta = await tx.appMeta.findUnique({ where: { key: NOTIFICATION_PREFERENCES_KEY } });
    const before = parseNotificationPreferences(meta?.value).rules;
    const after = notificationPreferencesSchema.parse({
      kinds: { ...before.kinds, ...Object.fromEntries(Object.entries(o.input.kinds ?? {}).filter(([, a]) => a !== undefined)) },
      quietHours: o.input.quietHours ?? before.quietHours,
    });
    const value = JSON.stringify(after);
    await tx.appMeta.upsert({ where: { key: NOTIFICATION_PREFERENCES_KEY }, create: { key: NOTIFICATION_PREFERENCES_KEY, value }, update: { value } });
    await writeAuditEvent(tx, o.actor, { type: 'notifications.preferences_changed', data: { before, after } }, { type: 'company', id: NOTIFICATION_PREFERENCES_KEY });
    return notificationSettingsView(after, o.actor);
  });
}
