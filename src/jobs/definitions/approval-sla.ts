import { runApprovalSla } from '../../services/approvals/run-approval-sla.ts';
import type { JobDefinition } from '../job-definition.ts';

/** Reminds approvers at each step's SLA (default 24 h) and escalates at twice the SLA. */
export const approvalSla: JobDefinition = {
  name: 'approval-sla',
  description: '审批时效：超过时限提醒审批人，超过两倍时限升级至上一级',
  cron: '0 * * * *',
  async run({ deps, asOf, log }) {
    const r = await runApprovalSla(deps, { asOf, log });
    const failed = r.failed > 0 ? `; ${r.failed} failed (see log)` : '';
    return `checked ${r.checked} active step(s); reminded ${r.reminded}, escalated ${r.escalated}${failed}`;
  },
};
