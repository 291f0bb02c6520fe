import { systemActor } from '../../domain/actor.ts';
import { escalateOverdueQuestions } from '../../services/questions/escalate-overdue-questions.ts';
import type { JobDefinition } from '../job-definition.ts';

/** 社保咨询 / 投诉 not answered within 3 working days: escalated to the HR managers, each once. */
export const questionSla: JobDefinition = {
  name: 'question-sla',
  description: '员工社保咨询、投诉超过答复期限未答复的，升级提醒人事经理',
  cron: '0 9 * * *',
  async run({ deps, asOf }) {
    const r = await escalateOverdueQuestions(deps, { asOf, actor: systemActor('job:question-sla', '咨询答复时限') });
    return `questions escalated to HR managers: ${r.escalated}`;
  },
};
