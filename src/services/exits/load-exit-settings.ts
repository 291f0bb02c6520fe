// The company's exit rules (AppMeta 'exit.rules') and its work calendar, loaded once per call.
import type { Db, Tx } from '../../db/client.ts';
import { formatDay } from '../../domain/dates.ts';
import { createWorkCalendar, type WorkCalendar } from '../../domain/enrolment/work-calendar.ts';
import { EXIT_RULES_KEY, parseExitRules, type ExitRules } from '../../domain/exits/exit-rules.ts';
import type { Logger } from '../../log.ts';

export interface ExitSettings {
  rules: ExitRules;
  calendar: WorkCalendar;
}

/**
 * @example const { rules, calendar } = await loadExitSettings(tx, log);
 */
export async function loadExitSettings(db: Db | Tx, log?: Logger): Promise<ExitSettings> {
  const meta = await db.appMeta.findUnique({ where: { key: EXIT_RULES_KEY } });
  const { rules, error } = parseExitRules(meta?.value);
  if (error) log?.warn({ key: EXIT_RULES_KEY, error }, 'exit rules in AppMeta are invalid; using the defaults (3 days, no auto-send)');
  const overrides = await db.workCalendarOverride.findMany({ select: { day: true, isWorkday: true } });
  const calendar = createWorkCalendar(overrides.map((o) => ({ day: formatDay(o.day) as string, isWorkday: o.isWorkday })), (year) =>
    log?.warn({ year }, `chinese-days has no holiday data for ${year}: exit deadlines use weekends only`));
  return { rules, calendar };
}
