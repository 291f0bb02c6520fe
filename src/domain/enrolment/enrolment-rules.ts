// The company's alert thresholds. The 30 days are the law (社会保险法 Art. 58); the warning and
// escalation days are a company choice, stored in AppMeta 'enrolment.rules' as JSON.
import { z } from 'zod';
import { parseStoredRules } from '../stored-rules.ts';

export const ENROLMENT_RULES_KEY = 'enrolment.rules';

export const enrolmentRulesSchema = z.object({
  /** Day N of employment (start + N days) on which HR specialists are warned. */
  warnDay: z.number().int().min(1).max(29).default(23),
  /** Day N on which the HR managers are told (specialists in copy). */
  escalateDay: z.number().int().min(1).max(29).default(28),
  /** Statutory period in calendar days: only a company stricter than the law would lower it. */
  deadlineDays: z.number().int().min(1).max(30).default(30),
  /** Overdue reminders repeat every N working days until enrolled. */
  overdueEveryWorkdays: z.number().int().min(1).max(20).default(2),
});

export type EnrolmentRules = z.infer<typeof enrolmentRulesSchema>;

export const defaultEnrolmentRules: EnrolmentRules = enrolmentRulesSchema.parse({});

/** The stored JSON (or nothing) as rules; a broken value falls back to the defaults, reported by `error`. */
export const parseEnrolmentRules = (json: string | undefined) => parseStoredRules(enrolmentRulesSchema, defaultEnrolmentRules, json);
