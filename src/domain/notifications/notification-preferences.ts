// Who receives each alert kind, and quiet hours: company settings kept as data (AppMeta
// 'notifications.preferences'), changed by an HR manager. The defaults are exactly the behaviour
// before the setting existed: every kind goes to the HR specialists (to the HR managers when a
// platform has no specialist), absences to the employee's line manager first, exception
// re-verification to every HR person, the monthly report to the HR managers, approval SLA
// reminders to the approvers alone; nothing is held and nothing goes to a group.
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';
import { ALERT_KINDS, type AlertKind } from './alert-kinds.ts';

export const NOTIFICATION_PREFERENCES_KEY = 'notifications.preferences';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * A WeCom group chat id (appchat chatid of a group the app created) or a DingTalk
 * openConversationId (a group the robot is in): each alert of the kind is posted there once
 * (services/cards/queue-group-copy.ts, docs/notifications.md).
 */
const groupChatId = z.string().regex(/^[A-Za-z0-9_+=/-]{1,128}$/);

export const audienceSchema = z.object({
  hrSpecialists: z.boolean(),
  hrManagers: z.boolean(),
  /** The line manager of the employee the alert is about (alerts about no one ignore it). */
  employeeManager: z.boolean(),
  groupChatId: groupChatId.nullable(),
}).strict();

export type Audience = z.infer<typeof audienceSchema>;

const hrOnly: Audience = { hrSpecialists: true, hrManagers: false, employeeManager: false, groupChatId: null };

export const defaultAudiences: Record<AlertKind, Audience> = {
  enrolment: hrOnly,
  absence: { ...hrOnly, hrSpecialists: false, employeeManager: true },
  // Exception cards went to every HR person before the setting.
  exceptionReverification: { ...hrOnly, hrManagers: true },
  exitTasks: hrOnly,
  transfer: hrOnly,
  reconciliation: hrOnly,
  question: hrOnly,
  // The approvers always get their reminder; by default nobody is added (as before the setting).
  approvalSla: { ...hrOnly, hrSpecialists: false },
  monthlyReport: { ...hrOnly, hrSpecialists: false, hrManagers: true },
};

const kindsShape = Object.fromEntries(ALERT_KINDS.map((k) => [k, audienceSchema.default(defaultAudiences[k])])) as { [K in AlertKind]: z.ZodDefault<typeof audienceSchema> };

export const quietHoursSchema = z.object({
  enabled: z.boolean(),
  /** 'HH:mm' in BUSINESS_TZ; start after end spans midnight (22:00–08:00). */
  start: hhmm,
  end: hhmm,
}).strict().refine((q) => q.start !== q.end, { path: ['end'] });

export type QuietHours = z.infer<typeof quietHoursSchema>;

export const notificationPreferencesSchema = z.object({
  kinds: z.object(kindsShape).strict().default(() => ({ ...defaultAudiences })),
  quietHours: quietHoursSchema.default({ enabled: false, start: '22:00', end: '08:00' }),
}).strict();

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const defaultNotificationPreferences: NotificationPreferences = notificationPreferencesSchema.parse({});

export const parseNotificationPreferences = (json: string | undefined) =>
  parseStoredRules(notificationPreferencesSchema, defaultNotificationPreferences, json);

/** The fields' names as HR reads them, for the error messages of the settings API. */
export const audienceLabels: Record<keyof Audience, string> = {
  hrSpecialists: '人事专员', hrManagers: '人事经理', employeeManager: '员工的直属上级', groupChatId: '群聊',
};

export const quietHoursLabels: Record<keyof QuietHours, string> = {
  enabled: '免打扰开关', start: '免打扰开始时间', end: '免打扰结束时间',
};
