// The stored preferences as the settings page shows them: every kind in the fixed order, with its
// Chinese label and the legal deadline that quiet hours never hold.
import type { Actor } from '../../domain/actor.ts';
import { ALERT_KINDS, ALERT_KIND_INFO } from '../../domain/notifications/alert-kinds.ts';
import type { NotificationPreferences } from '../../domain/notifications/notification-preferences.ts';
import { scopeOf } from '../../domain/permissions.ts';
import type { NotificationSettingsView } from '../../domain/views/notifications.ts';

export function notificationSettingsView(prefs: NotificationPreferences, actor: Actor): NotificationSettingsView {
  return {
    kinds: ALERT_KINDS.map((kind) => ({ kind, label: ALERT_KIND_INFO[kind].label, legalDeadline: ALERT_KIND_INFO[kind].legalDeadline, audience: prefs.kinds[kind] })),
    quietHours: prefs.quietHours,
    canEdit: scopeOf(actor, 'notifications.configure') !== undefined,
  };
}
