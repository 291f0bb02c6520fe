// 审批 over REST, for the H5 待办 page and tools. Deciding needs an employee identity (the
// approver in person), so the admin token may read but never decide.
import { z } from 'zod';
import { decideApproval, MAX_COMMENT } from '../../services/approvals/decide-approval.ts';
import { getApproval, listApprovals } from '../../services/approvals/list-approvals.ts';
import { withdrawApproval } from '../../services/approvals/withdraw-approval.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { defineRoute, idParams } from '../api-route.ts';

const approvalParams = idParams('审批');
const listQuery = z.object({ box: z.enum(['pending', 'submitted', 'done'], { message: '列表应为「待我审批」「我提交的」或「我已处理」之一' }).default('pending') });
const decisionBody = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: '请选择同意或驳回' }),
    comment: z.string().trim().max(MAX_COMMENT, `审批意见最多 ${MAX_COMMENT} 字`).optional(),
    /** Accepts the approval's warning (GET /approvals/:id → warning), e.g. an unacknowledged company rule. */
    confirmWarning: z.boolean({ message: '请确认是否已知悉审批提示（是或否）' }).optional(),
  })
  .strict();

export function approvalRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/approvals', tag: 'approvals', query: listQuery,
      summary: 'My approvals: pending (waiting for me), submitted (by me) or done (decided by me)',
      roles: 'any signed-in employee (own boxes); the admin token gets empty boxes',
      handler: ({ actor, query }) => listApprovals(deps, { actor, box: query.box }),
    }),
    defineRoute({
      method: 'get', path: '/approvals/:id', tag: 'approvals', params: approvalParams,
      summary: 'One approval with its steps, approvers and decisions (who, when, comment)',
      roles: 'approvers of any step, the submitter, HR_MANAGER, ADMIN',
      handler: ({ actor, params }) => getApproval(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/approvals/:id/decisions', tag: 'approvals', params: approvalParams, body: decisionBody, status: 201,
      summary: 'Approve or reject the active step as one of its approvers (a repeat is answered, not applied twice); approving an approval with a warning needs confirmWarning: true',
      roles: "the active step's approvers (employee session only; not the admin token)",
      handler: ({ actor, params, body, ctx }) =>
        decideApproval(deps, { approvalId: params.id, decision: body.decision === 'approve' ? 'APPROVE' : 'REJECT', comment: body.comment, confirmWarning: body.confirmWarning, actor, channel: actor.kind === 'employee' ? 'h5' : 'api', log: ctx.state.log }),
    }),
    defineRoute({
      method: 'post', path: '/approvals/:id/withdraw', tag: 'approvals', params: approvalParams,
      summary: 'Withdraw a pending approval (submitter only)',
      roles: 'the submitter',
      handler: ({ actor, params }) => withdrawApproval(deps, { approvalId: params.id, actor }),
    }),
  ];
}
