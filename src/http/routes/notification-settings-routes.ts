// Notification preferences (docs/notifications.md): who receives each alert kind, and quiet hours.
import { notificationPreferencesInputSchema } from '../../domain/notifications/notification-preferences-input.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { getNotificationSettings } from '../../services/notifications/get-notification-settings.ts';
import { setNotificationSettings } from '../../services/notifications/set-notification-settings.ts';
import { defineRoute } from '../api-route.ts';

export function notificationSettingsRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/settings/notifications', tag: 'settings', roles: 'HR_SPECIALIST, HR_MANAGER, ADMIN', action: 'notifications.read',
      summary: 'Who receives each alert kind (HR specialists, HR managers, the employee\'s line manager, a group chat id) and the quiet hours; with each kind\'s Chinese label and the legal deadline that quiet hours never hold',
      handler: ({ actor }) => getNotificationSettings(deps, { actor }),
    }),
    defineRoute({
      method: 'put', path: '/settings/notifications', tag: 'settings', body: notificationPreferencesInputSchema, roles: 'HR_MANAGER, ADMIN', action: 'notifications.configure',
      summary: 'Change the recipients of the alert kinds given (each replaced whole) and/or the quiet hours; the rest keep their value; audit event notifications.preferences_changed',
      handler: ({ actor, body }) => setNotificationSettings(deps, { actor, input: body }),
    }),
  ];
}
