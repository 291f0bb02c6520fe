import { systemActor } from '../../domain/actor.ts';
import { warnMissingCalendarYears } from '../../services/absence/warn-missing-calendar-years.ts';
import { sendTransferReminders } from '../../services/transfer/send-transfer-reminders.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Pension transfer steps (国办发〔2009〕66号 第八条, 15 working days each): due today, then overdue, each once. */
export const transferReminders: JobDefinition = {
  name: 'transfer-reminders',
  description: '养老保险关系转移接续：步骤到期当天提醒人事专员，次一工作日提示逾期',
  cron: '30 9 * * *',
  async run({ deps, asOf, log }) {
    const r = await sendTransferReminders(deps, { asOf, actor: systemActor('job:transfer-reminders', '转移接续提醒'), log });
    const calendarCards = await warnMissingCalendarYears(deps, { years: r.missingYears, log, job: 'transfer-reminders' });
    const gap = r.missingYears.length > 0 ? `; missing years: ${r.missingYears.join(', ')} (no State Council notice: due days may move, ${calendarCards} HR card(s) queued)` : '';
    return `transfer steps due today ${r.due}, overdue ${r.overdue}; queued ${r.cards} card(s)${gap}`;
  },
};
