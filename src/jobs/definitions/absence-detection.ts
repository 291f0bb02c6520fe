import { closeReturnedAbsenceCases } from '../../services/absence/close-returned-absence-cases.ts';
import { detectAbsences } from '../../services/absence/detect-absences.ts';
import { escalateOverdueAbsenceCases } from '../../services/absence/escalate-overdue-absence-cases.ts';
import { loadAttendanceSettings } from '../../services/absence/load-attendance-settings.ts';
import { warnMissingCalendarYears } from '../../services/absence/warn-missing-calendar-years.ts';
import { sealTreeHead } from '../../services/evidence/seal-tree-head.ts';
import type { JobDefinition } from '../job-definition.ts';

/**
 * Absence detection (劳动合同法 第三十九条第（二）项 needs every absent day proven): opens cases
 * for N consecutive workdays without a clock-in, asks the line managers, and hands unanswered
 * cases to HR once the SLA has passed.
 */
export const absenceDetection: JobDefinition = {
  name: 'absence-detection',
  description: '缺勤检测：连续未打卡的员工提醒直属上级确认，超时未答复转人事',
  cron: '0 20 * * *',
  async run({ deps, asOf, log }) {
    const settings = await loadAttendanceSettings(deps.db, log);
    // Close the cases of employees who are back before anything escalates them.
    const returned = await closeReturnedAbsenceCases(deps, { asOf });
    // Escalate before detecting: a case opened in this run must get its full SLA.
    const escalation = await escalateOverdueAbsenceCases(deps, { asOf, log });
    const found = await detectAbsences(deps, { asOf, settings, log });
    // Ask about the as-of day itself, so a year without the notice is reported on its first day even when nobody is absent.
    settings.calendar.isWorkday(asOf);
    const years = [...new Set([...found.missingYears, ...settings.calendar.missingYears])].sort();
    const calendarCards = await warnMissingCalendarYears(deps, { years, log, job: 'absence-detection' });
    if (escalation.escalated > 0) await sealTreeHead(deps).catch((error: unknown) => log.warn({ err: error }, 'sealing the evidence tree head failed'));
    const parts = [
      found.noAttendanceData ? 'no attendance recorded in the window: attendance check skipped' : `${found.streaks} absence streak(s) of ${settings.rules.absenceThresholdWorkdays}+ workdays, opened ${found.opened} case(s)`,
      `${found.verifyTasks} 核实在岗 task(s) from insurance.stopped_while_active (never an absence case)`,
      `queued ${found.cards} manager card(s)`,
      `escalated ${escalation.escalated} unanswered case(s) to HR${escalation.failed > 0 ? ` (${escalation.failed} failed)` : ''}`,
      `closed ${returned} case(s) of employees back at work`,
    ];
    if (years.length > 0) parts.push(`missing years: ${years.join(', ')} (no State Council notice: fixed holidays only, ${calendarCards} HR card(s) queued)`);
    return parts.join('; ');
  },
};
