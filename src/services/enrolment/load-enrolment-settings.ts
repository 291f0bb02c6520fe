// Everything the deadline engine needs from the database, loaded once per sweep: the company's
// thresholds (AppMeta 'enrolment.rules'), its calendar overrides and the cities' 增员 cut-offs.
import type { Db } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { ENROLMENT_RULES_KEY, parseEnrolmentRules, type EnrolmentRules } from '../../domain/enrolment/enrolment-rules.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import type { Logger } from '../../log.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

export interface EnrolmentSettings {
  rules: EnrolmentRules;
  calendar: WorkCalendar;
  /** The city's monthly cut-off day in force on the start date, if any. */
  cutoffDayFor(city: string | null, startDate: string): number | undefined;
}

export async function loadEnrolmentSettings(db: Db, log?: Logger): Promise<EnrolmentSettings> {
  const rules = await loadStoredRules(db, { key: ENROLMENT_RULES_KEY, parse: parseEnrolmentRules, log, invalid: 'enrolment rules in AppMeta are invalid; using the defaults (23/28/30, every 2 working days)' });
  const calendar = await loadWorkCalendar(db, { purpose: 'legal', log, missingYear: 'enrolment deadlines may move once the notice is imported' });
  const policies = await db.cityPolicy.findMany({ where: { cutoffDay: { not: null } }, select: { city: true, effectiveFrom: true, effectiveTo: true, cutoffDay: true } });
  return {
    rules,
    calendar,
    cutoffDayFor(city, startDate) {
      if (!city) return undefined;
      const p = policies.find((c) => c.city === city && (formatDay(c.effectiveFrom) as string) <= startDate && (!c.effectiveTo || (formatDay(c.effectiveTo) as string) >= startDate));
      return p?.cutoffDay ?? undefined;
    },
  };
}
