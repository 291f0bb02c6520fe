// Who receives each alert kind and the quiet hours (AppMeta 'notifications.preferences'): the
// shipped defaults, which are the behaviour before the setting existed, until an HR manager changes them.
import type { Actor } from '../../domain/actor.ts';
import { NOTIFICATION_PREFERENCES_KEY, parseNotificationPreferences } from '../../domain/notifications/notification-preferences.ts';
import { authorize } from '../../domain/permissions.ts';
import type { NotificationSettingsView } from '../../domain/views/notifications.ts';
import type { Logger } from '../../log.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadStoredRules } from '../load-stored-rules.ts';
import { notificationSettingsView } from './notification-settings-view.ts';

/** @example (await getNotificationSettings(deps, { actor })).kinds[0].label // '增员到期预警' */
export async function getNotificationSettings(deps: Pick<ServiceDeps, 'db'> & { log?: Logger }, o: { actor: Actor }): Promise<NotificationSettingsView> {
  authorize(o.actor, 'notifications.read');
  const prefs = await loadStoredRules(deps.db, { key: NOTIFICATION_PREFERENCES_KEY, parse: parseNotificationPreferences, log: deps.log, invalid: 'notification preferences in AppMeta are invalid; using the defaults' });
  return notificationSettingsView(prefs, o.actor);
}
