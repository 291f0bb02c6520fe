// How long personal data is kept (AppMeta 'retention.rules', JSON). 个人信息保护法 第十九条、第四十七条:
// no longer than the purpose needs, then deleted; where a law sets a period, not less than it:
// 劳动合同法 第五十条第三款 (a terminated contract's text ≥ 2 years), 工资支付暂行规定 第六条 (wage records
// ≥ 2 years), and attendance as the record wages are paid on. Clock-in positions (whereabouts,
// 第二十八条) serve only the geofence check and are kept far shorter.
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';

export const RETENTION_RULES_KEY = 'retention.rules';

const yearsAfterExit = (what: string) =>
  z.number({ message: `${what}的保存年限应为整数` }).int(`${what}的保存年限应为整数`)
    .min(2, `${what}至少保存至离职后 2 年（《劳动合同法》第五十条、《工资支付暂行规定》第六条），不能设得更短`)
    .max(30, `${what}的保存年限不超过 30 年`);

export const retentionRulesSchema = z.object({
  /** Contracts, signed declarations and exit documents (stored files): years after the exit date. */
  contractsYearsAfterExit: yearsAfterExit('劳动合同、签署的声明和离职文书').default(2),
  /** Wage and contribution records: years after the exit date. */
  wageRecordsYearsAfterExit: yearsAfterExit('工资和缴费记录').default(2),
  /** Attendance records (the rows, without positions): years after the exit date. */
  attendanceYearsAfterExit: yearsAfterExit('考勤记录').default(2),
  /** Uploaded proofs (pension certificates, another employer's records): years after the exit date. */
  proofsYearsAfterExit: yearsAfterExit('上传的证明材料').default(2),
  /** Clock-in positions (AttendanceRecord.locationEnc): days after the clock-in. */
  locationDays: z.number({ message: '打卡位置的保存天数应为整数' }).int('打卡位置的保存天数应为整数').min(7, '打卡位置至少保存 7 天（供核对打卡异常）').max(730, '打卡位置最多保存 730 天（位置属敏感个人信息，《个人信息保护法》第二十八条）').default(90),
}).strict();

export type RetentionRules = z.infer<typeof retentionRulesSchema>;

export const defaultRetentionRules: RetentionRules = retentionRulesSchema.parse({});

export const parseRetentionRules = (json: string | undefined) => parseStoredRules(retentionRulesSchema, defaultRetentionRules, json);

/** The day `years` years before `day` ('YYYY-MM-DD'); 29 February falls back to the 28th. */
export function yearsBefore(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) - years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
