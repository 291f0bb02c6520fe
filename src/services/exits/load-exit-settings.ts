// The company's exit rules (AppMeta 'exit.rules') and its work calendar, loaded once per call.
import type { Db, Tx } from '../../db/client.ts';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.ts';
import { isAdoptionMethod } from '../../domain/company-rules/company-rule.ts';
import { formatDay } from '../../domain/dates.ts';
import { EXIT_RULES_KEY, parseExitRules, type ExitRules } from '../../domain/exits/exit-rules.ts';
import type { Logger } from '../../log.ts';
import { loadWorkCalendar } from '../calendar/load-work-calendar.ts';
import { findCurrentRule } from '../company-rules/rule-acknowledgements.ts';
import { loadStoredRules } from '../load-stored-rules.ts';

export interface ExitSettings {
  rules: ExitRules;
  calendar: WorkCalendar;
}

/**
 * @example const { rules, calendar } = await loadExitSettings(tx, log);
 */
export async function loadExitSettings(db: Db | Tx, log?: Logger): Promise<ExitSettings> {
  const settings = await loadStoredRules(db, { key: EXIT_RULES_KEY, parse: parseExitRules, log, invalid: 'exit rules in AppMeta are invalid; using the defaults (3 days, no auto-send)' });
  // The stored rule replaces the free-text name and article everywhere a notice quotes them.
  const stored = await findCurrentRule(db, 'attendance');
  const adoptionMethod = stored?.adoptionMethod;
  const rules: ExitRules = stored && adoptionMethod && isAdoptionMethod(adoptionMethod)
    ? { ...settings, attendanceRuleName: stored.title, attendanceRuleArticle: stored.article, storedRule: { title: stored.title, version: stored.version, adoptedOn: formatDay(stored.adoptedOn) ?? '', adoptionMethod, article: stored.article } }
    : settings;
  const calendar = await loadWorkCalendar(db, { purpose: 'legal', log, missingYear: 'exit deadlines may move once the notice is imported' });
  return { rules, calendar };
}
