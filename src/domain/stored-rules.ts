// Company settings kept as JSON in AppMeta (enrolment.rules, attendance.rules, exit.rules). No
// value means the defaults; a broken one falls back to them as well, with the reason in `error`
// for the loader to log, so a typo in a setting never stops a sweep.
import type { z } from 'zod';

/**
 * @example const { rules, error } = parseStoredRules(exitRulesSchema, defaultExitRules, meta?.value);
 */
export function parseStoredRules<T>(schema: z.ZodType<T>, defaults: T, json: string | undefined): { rules: T; error?: string } {
  if (!json) return { rules: defaults };
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success ? { rules: parsed.data } : { rules: defaults, error: parsed.error.message };
  } catch (error) {
    return { rules: defaults, error: String(error) };
  }
}
