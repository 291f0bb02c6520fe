// The company's attendance rules (AppMeta 'attendance.rules', JSON). The threshold and the SLA
// are company choices written into the 规章制度 (劳动合同法 Art. 4); the defaults are common practice.
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';

export const ATTENDANCE_RULES_KEY = 'attendance.rules';

export const attendanceRulesSchema = z.object({
  /** Consecutive scheduled workdays without a clock-in that open an absence case. */
  absenceThresholdWorkdays: z.number().int().min(1).max(30).default(3),
  /** Hours the line manager has to answer the absence card before it counts as 无法联系. */
  managerSlaHours: z.number().int().min(1).max(240).default(24),
  /**
   * Weekly rest days (0 = Sunday … 6 = Saturday) on days the statutory calendar leaves alone. Statutory
   * holidays and 调休 working Saturdays still apply; single days are changed with calendar overrides.
   */
  weeklyRestDays: z.array(z.number().int().min(0).max(6)).max(6).default([6, 0]),
  /** How many calendar days back an absence streak is followed. */
  lookbackDays: z.number().int().min(7).max(366).default(60),
});

export type AttendanceRules = z.infer<typeof attendanceRulesSchema>;

export const defaultAttendanceRules: AttendanceRules = attendanceRulesSchema.parse({});

/** The stored JSON (or nothing) as rules; a broken value falls back to the defaults, reported by `error`. */
export const parseAttendanceRules = (json: string | undefined) => parseStoredRules(attendanceRulesSchema, defaultAttendanceRules, json);
