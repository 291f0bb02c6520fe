import { systemActor } from '../../domain/actor.ts';
import { sendMonthlyReports } from '../../services/kpi/send-monthly-reports.ts';
import type { JobDefinition } from '../job-definition.ts';

/** 社保合规月报: on the 1st, each HR manager gets the previous month's key figures, once per month. */
export const monthlyReport: JobDefinition = {
  name: 'monthly-report',
  description: '每月1日向人事经理发送上月社保合规月报（关键指标及较上月变化）',
  cron: '0 9 1 * *',
  async run({ deps, asOf }) {
    const r = await sendMonthlyReports(deps, { asOf, actor: systemActor('job:monthly-report', '社保合规月报') });
    return `monthly report ${r.month}: ${r.sent} card(s) queued for ${r.managers} HR manager(s)`;
  },
};
