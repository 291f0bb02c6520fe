import { systemActor } from '../../domain/actor.ts';
import { sealTreeHead } from '../../services/evidence/seal-tree-head.ts';
import { advanceExitProcesses } from '../../services/exits/advance-exit-processes.ts';
import { pollExitNoticeReads } from '../../services/exits/poll-exit-notice-reads.ts';
import { remindExitTasks } from '../../services/exits/remind-exit-tasks.ts';
import { sendRetirementReminders } from '../../services/retirement/send-retirement-reminders.ts';
import type { JobDefinition } from '../job-definition.ts';

/**
 * Exit deadlines: return-to-work notices that lapsed (劳动合同法 第三十九条第（二）项, 第四十三条),
 * resignations reaching their day (第三十七条), every leaver's checklist (第五十条), and the employees
 * a month from the statutory retirement age, whose contracts end then (实施条例 第二十一条).
 */
export const exitTaskReminders: JobDefinition = {
  name: 'exit-task-reminders',
  description: '离职流程：返岗期限届满提示第二次通知/通知工会，离职日办结，离职事项到期提醒与逾期升级，员工到达法定退休年龄前一个月提醒',
  cron: '30 9 * * *',
  async run({ deps, asOf }) {
    const actor = systemActor('job:exit-task-reminders', '离职事项提醒');
    const a = await advanceExitProcesses(deps, { asOf, actor });
    const t = await remindExitTasks(deps, { asOf, actor });
    const ret = await sendRetirementReminders(deps, { asOf, actor });
    // Read state is the platform's present answer, not a fact of day `asOf`.
    const r = await pollExitNoticeReads(deps, { actor });
    await sealTreeHead(deps);
    return `returned ${a.returned}; second-notice prompts ${a.secondNoticePrompts}; union prompts ${a.unionPrompts}; exits completed ${a.completed}; tasks reminded ${t.reminded}, escalated ${t.escalated}; retirement reminders ${ret.reminded}; notices read (DingTalk) ${r.read}${r.failed ? `, read-state queries failed ${r.failed}` : ''}`;
  },
};
