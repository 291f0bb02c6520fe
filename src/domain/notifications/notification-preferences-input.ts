// What PUT /settings/notifications accepts: the kinds given replace their audience, the quiet hours
// given replace them, the rest keep their value. Each message names the alert kind in Chinese,
// since the field names alone (人事经理) repeat for every kind.
import { z } from 'zod';
import { ALERT_KINDS, ALERT_KIND_INFO, type AlertKind } from './alert-kinds.ts';

const checkbox = (kind: string, who: string) => z.boolean({ error: `「${kind}」的「${who}」只能勾选或不勾选` });
const hhmm = (what: string) => z.string({ error: `${what}应写成 22:00 这样的时间` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${what}应写成 22:00 这样的时间`);

function audienceInput(kind: AlertKind) {
  const label = ALERT_KIND_INFO[kind].label;
  return z.object({
    hrSpecialists: checkbox(label, '人事专员'),
    hrManagers: checkbox(label, '人事经理'),
    employeeManager: checkbox(label, '员工的直属上级'),
    groupChatId: z.string({ error: `「${label}」的群聊编号应为文字` })
      .regex(/^[A-Za-z0-9_+=/-]{1,128}$/, `「${label}」的群聊编号只能含字母、数字和 _-+=/，最长 128 个字符，请从企业微信或钉钉群设置中复制`)
      .nullable(),
  }, { error: `「${label}」的接收人设置应包含人事专员、人事经理、员工的直属上级和群聊四项` }).strict();
}

export const notificationPreferencesInputSchema = z.object({
  kinds: z.object(Object.fromEntries(ALERT_KINDS.map((k) => [k, audienceInput(k).optional()])) as { [K in AlertKind]: z.ZodOptional<ReturnType<typeof audienceInput>> }).strict().optional(),
  quietHours: z.object({
    enabled: z.boolean({ error: '免打扰开关只能是开或关' }),
    start: hhmm('免打扰开始时间'),
    end: hhmm('免打扰结束时间'),
  }).strict().refine((q) => q.start !== q.end, { path: ['end'], message: '免打扰结束时间不能与开始时间相同' }).optional(),
}).strict();

export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInputSchema>;
