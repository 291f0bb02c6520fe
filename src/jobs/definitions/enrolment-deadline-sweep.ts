import { warnMissingCalendarYears } from '../../services/absence/warn-missing-calendar-years.ts';
import { sendEnrolmentAlerts } from '../../services/enrolment/send-enrolment-alerts.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Reminds HR to enrol each hire within 30 days (社会保险法 Art. 58): day 23, day 28, then overdue every 2 working days. */
export const enrolmentDeadlineSweep: JobDefinition = {
  name: 'enrolment-deadline-sweep',
  description: '社保增员期限：第23天提醒人事、第28天升级人事经理、逾期后每2个工作日提醒',
  cron: '0 9 * * *',
  async run({ deps, asOf, log }) {
    const r = await sendEnrolmentAlerts(deps, { asOf, platforms: deps.chatPlatforms, publicBaseUrl: deps.publicBaseUrl, log });
    const a = r.alerts;
    const calendarCards = await warnMissingCalendarYears(deps, { years: r.missingYears, log, job: 'enrolment-deadline-sweep' });
    const gap = r.missingYears.length > 0 ? `; missing years: ${r.missingYears.join(', ')} (no State Council notice: deadlines may move, ${calendarCards} HR card(s) queued)` : '';
    return `checked ${r.candidates} hire(s) not yet enrolled; new alerts: ${a.warn} day-23, ${a.escalate} day-28, ${a.overdue} overdue; queued ${r.cards} card(s)${gap}`;
  },
};
