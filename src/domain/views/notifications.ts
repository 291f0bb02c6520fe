// GET/PUT /api/v1/settings/notifications answers with this (src/services/notifications), shared
// with the H5 通知设置 page (NotificationSettingsPage.vue). Types only.

export interface AudienceView {
  hrSpecialists: boolean;
  hrManagers: boolean;
  employeeManager: boolean;
  /** WeCom appchat chatid / DingTalk openConversationId; stored, not yet sent to (docs/notifications.md). */
  groupChatId: string | null;
}

export interface AlertKindSettingView {
  /** 'enrolment' | 'absence' | … (src/domain/notifications/alert-kinds.ts) */
  kind: string;
  label: string;
  /** When an alert of this kind is a legal deadline due today (sent even in quiet hours), or null. */
  legalDeadline: string | null;
  audience: AudienceView;
}

export interface NotificationSettingsView {
  kinds: AlertKindSettingView[];
  quietHours: { enabled: boolean; start: string; end: string };
  /** Whether the caller may change them (HR managers). */
  canEdit: boolean;
}
