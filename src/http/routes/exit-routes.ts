// Exits over REST: the absence chain (返岗通知书 ×2, 工会, 解除审批; 劳动合同法 第三十九条第（二）项、
// 第四十三条), resignations (第三十七条), mutual agreements (第三十六条) and every leaver's checklist
// (第五十条). The same services answer the card buttons and the H5.
import { z } from 'zod';
import { EMPLOYER_FAULT_GROUNDS } from '../../domain/contracts/employer-fault-grounds.ts';
import { EXIT_KINDS } from '../../domain/exits/exit-states.ts';
import { day } from '../../services/employees/employee-input.ts';
import type { ServiceDeps } from '../../services/deps.ts';
import { acceptResignation } from '../../services/exits/accept-resignation.ts';
import { answerExitNotice } from '../../services/exits/answer-exit-notice.ts';
import { completeExit } from '../../services/exits/complete-exit.ts';
import { completeExitTask } from '../../services/exits/complete-exit-task.ts';
import { getExit } from '../../services/exits/get-exit.ts';
import { exitDocumentKinds, getExitDocument } from '../../services/exits/get-exit-document.ts';
import { issueSeparationCertificate } from '../../services/exits/issue-separation-certificate.ts';
import { listExits, listExitTasks } from '../../services/exits/list-exits.ts';
import { markExitReturned } from '../../services/exits/mark-exit-returned.ts';
import { readExitNotice } from '../../services/exits/read-exit-notice.ts';
import { recordEmployerFaultResignation } from '../../services/exits/record-employer-fault-resignation.ts';
import { recordExitChannel } from '../../services/exits/record-exit-channel.ts';
import { recordUnionAnswer } from '../../services/exits/record-union-answer.ts';
import { recordUnionNotification } from '../../services/exits/record-union-notification.ts';
import { requestResignation } from '../../services/exits/request-resignation.ts';
import { requestTerminationApproval } from '../../services/exits/request-termination-approval.ts';
import { sendExitNotice } from '../../services/exits/send-exit-notice.ts';
import { startMutualExit } from '../../services/exits/start-mutual-exit.ts';
import { defineRoute, idParams } from '../api-route.ts';
import { sendFile } from './proof-routes.ts';

const HR = 'HR_SPECIALIST, HR_MANAGER, ADMIN';
const processParams = idParams('离职流程');
const taskParams = idParams('离职事项');
const note = z.string().trim().max(200, '备注最多 200 字').optional();
const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 字`);

const listQuery = z.object({ state: z.string().max(40).optional(), kind: z.enum(EXIT_KINDS).optional() }).strict();
const noticeBody = z.object({ round: z.union([z.literal(1), z.literal(2)]).optional() }).strict();
const channelBody = z.object({
  channel: z.enum(['sms', 'ems', 'other'], { message: '送达方式应为短信、邮政快递或其他之一' }),
  reference: text('单号或说明', 100),
  sentOn: day.optional(),
  deliveredOn: day.optional(),
  notice: z.enum(['return_notice_1', 'return_notice_2', 'termination_notice']).optional(),
}).strict();
const unionBody = z.object({ notifiedOn: day, reply: text('工会意见', 500), notifiedBody: text('所通知的上级工会或职工代表', 200).optional() }).strict();
const unionAnswerBody = z.object({ answeredOn: day, companyAnswer: text('公司的书面答复', 1000) }).strict();
const answerBody = z.object({ answer: z.enum(['RETURN', 'RESIGNED'], { message: '请选择「我将返岗」或「我已离职」' }), returnOn: day.optional(), lastDay: day.optional(), note }).strict();
const noteBody = z.object({ note }).strict();
const ground = z.enum(EMPLOYER_FAULT_GROUNDS, { message: '解除理由应为《劳动合同法》第三十八条所列情形之一' });
const resignationBody = z.object({
  lastDay: day,
  reason: text('离职原因', 200),
  ground: ground.optional().describe('劳动合同法 第三十八条 ground (employer fault): no notice period, compensation owed'),
  inProbation: z.boolean().optional().describe('Ignored: probation is read from the employee record (probationEnd), never from the request'),
}).strict();
const employeeId = z.uuid({ message: '员工编号格式不正确，请从列表重新打开' });
const mutualBody = z.object({
  employeeId, exitDate: day, agreedOn: day, reason: text('协商解除说明', 200),
  proposedBy: z.enum(['employer', 'employee'], { message: '请说明由哪一方提出解除：用人单位或劳动者' }).describe('employer → 经济补偿 (劳动合同法 第四十六条第（二）项)'),
}).strict();
const faultBody = z.object({ employeeId, ground, noticedOn: day, exitDate: day, reason: text('说明', 200) }).strict();
const taskQuery = z.object({ state: z.enum(['OPEN', 'DONE', 'OVERDUE']).optional() }).strict();
const documentParams = z.object({ id: z.uuid({ message: '离职流程编号格式不正确，请从列表重新打开' }), kind: z.enum(exitDocumentKinds, { message: '文件类型无效' }) });

export function exitRoutes(deps: ServiceDeps) {
  return [
    defineRoute({
      method: 'get', path: '/exits', tag: 'exits', query: listQuery, roles: `${HR}: all; anyone: own`,
      summary: 'Exit cases (absence, resignation, mutual agreement, other), newest first, filtered by state / kind',
      handler: ({ actor, query }) => listExits(deps, { actor, ...query }),
    }),
    defineRoute({
      method: 'post', path: '/exits/mutual', action: 'exit.manage', tag: 'exits', body: mutualBody, status: 201, roles: HR,
      summary: 'Record a termination by mutual agreement (劳动合同法 第三十六条): PENDING_EXIT now, EXITED with the checklist on the exit date',
      handler: ({ actor, body }) => startMutualExit(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'post', path: '/exits/employer-fault-resignation', action: 'exit.manage', tag: 'exits', body: faultBody, status: 201, roles: HR,
      summary: 'Record a resignation on a 劳动合同法 第三十八条 ground (employer fault): no notice period, 支付经济补偿 on the checklist (第四十六条第（一）项)',
      handler: ({ actor, body }) => recordEmployerFaultResignation(deps, { actor, ...body }),
    }),
    defineRoute({
      method: 'get', path: '/exits/:id', tag: 'exits', params: processParams, roles: `${HR}: all; the employee: own (notices only)`,
      summary: 'One exit case: steps with deadlines, documents with delivery and read state, timeline, checklist, open actions',
      handler: ({ actor, params }) => getExit(deps, { actor, id: params.id }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/notices', action: 'exit.manage', tag: 'exits', params: processParams, body: noticeBody, status: 201, roles: HR,
      summary: 'Send the pending return-to-work notice (返岗通知书, round 1 or 2): PDF, ledger entry, chat message to the employee',
      handler: ({ actor, params, body }) => sendExitNotice(deps, { processId: params.id, actor, round: body.round }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/channels', action: 'exit.manage', tag: 'exits', params: processParams, body: channelBody, status: 201, roles: HR,
      summary: 'Record another delivery channel of a notice (SMS, EMS tracking number, other): evidence entry. With deliveredOn (EMS / SMS) it proves delivery: the return deadline runs from that day, a termination takes effect on it. Send deliveredOn later with the same EMS reference to add the delivery',
      handler: ({ actor, params, body }) => recordExitChannel(deps, { processId: params.id, actor, ...body }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/union', action: 'exit.manage', tag: 'exits', params: processParams, body: unionBody, status: 201, roles: HR,
      summary: 'Record the union notification and its reply (劳动合同法 第四十三条), after both return deadlines passed; a company without a union (exit rules hasUnion: false) must name the 上级工会 or 职工代表 notified (notifiedBody)',
      handler: ({ actor, params, body }) => recordUnionNotification(deps, { processId: params.id, actor, ...body }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/union-answer', action: 'exit.manage', tag: 'exits', params: processParams, body: unionAnswerBody, status: 201, roles: HR,
      summary: "Record the company's written answer to the union's opinion (劳动合同法 第四十三条); required before the termination approval",
      handler: ({ actor, params, body }) => recordUnionAnswer(deps, { processId: params.id, actor, ...body }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/termination-approval', action: 'exit.manage', tag: 'exits', params: processParams, status: 201, roles: `${HR} (signed in as an employee)`,
      summary: "Submit the termination to the HR manager ('absence-termination' approval); on approval the 解除劳动合同通知书 goes out and the checklist opens",
      handler: ({ actor, params }) => requestTerminationApproval(deps, { processId: params.id, actor }),
    }),
    defineRoute({
      method: 'get', path: '/exits/:id/notice', tag: 'exits', params: processParams, roles: 'the employee concerned (records the read); HR: view',
      summary: 'The return-to-work notices for the employee to read; the first open by the employee records the read time, IP and user agent',
      handler: ({ actor, params }) => readExitNotice(deps, { processId: params.id, actor }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/answer', tag: 'exits', params: processParams, body: answerBody, roles: 'the employee concerned',
      summary: 'The employee answers the latest notice: RETURN with returnOn (我将于…返岗) or RESIGNED (我已离职, optionally with the lastDay to confirm as a written resignation by signing declaration exit-resignation-confirmation for this case: it becomes a RESIGNATION, 劳动合同法 第三十七条)',
      handler: ({ actor, params, body }) => answerExitNotice(deps, { processId: params.id, actor, ...body }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/returned', action: 'exit.manage', tag: 'exits', params: processParams, body: noteBody, roles: HR,
      summary: 'HR marks the employee returned (已返岗): the case closes, the employee is ACTIVE again',
      handler: ({ actor, params, body }) => markExitReturned(deps, { processId: params.id, actor, source: 'hr', note: body.note }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/accept', action: 'exit.manage', tag: 'exits', params: processParams, roles: HR,
      summary: 'HR acknowledges a resignation request',
      handler: ({ actor, params }) => acceptResignation(deps, { processId: params.id, actor }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/complete', action: 'exit.manage', tag: 'exits', params: processParams, roles: HR,
      summary: 'HR completes a resignation / mutual agreement on or after its exit date: EXITED with the checklist',
      handler: ({ actor, params }) => completeExit(deps, { processId: params.id, actor }),
    }),
    defineRoute({
      method: 'post', path: '/exits/:id/separation-certificate', action: 'exit.manage', tag: 'exits', params: processParams, status: 201, roles: HR,
      summary: 'Issue the separation certificate PDF (劳动合同法 第五十条, 实施条例 第二十四条); closes its checklist item',
      handler: ({ actor, params }) => issueSeparationCertificate(deps, { processId: params.id, actor }),
    }),
    defineRoute({
      method: 'get', path: '/exits/:id/documents/:kind', tag: 'exits', params: documentParams, roles: `${HR}; the employee concerned`,
      summary: 'An exit document as PDF (return_notice_1/2, termination_notice, separation_certificate); 404 for anyone else',
      handler: async ({ actor, params, ctx }) => sendFile(ctx, await getExitDocument(deps, { actor, processId: params.id, kind: params.kind }), false),
    }),
    defineRoute({
      method: 'post', path: '/resignations', tag: 'exits', body: resignationBody, status: 201, roles: 'any employee, for themselves',
      summary: 'Give notice of resignation (劳动合同法 第三十七条: 30 days, 3 while the recorded probation runs; with a 第三十八条 ground none): ACTIVE → PENDING_EXIT',
      handler: ({ actor, body }) => requestResignation(deps, { actor, lastDay: body.lastDay, reason: body.reason, ground: body.ground }),
    }),
    defineRoute({
      method: 'get', path: '/exit-tasks', action: 'exit.manage', tag: 'exits', query: taskQuery, roles: HR,
      summary: "Leavers' checklist items with their legal deadlines (state OPEN, DONE or OVERDUE)",
      handler: ({ actor, query }) => listExitTasks(deps, { actor, state: query.state }),
    }),
    defineRoute({
      method: 'post', path: '/exit-tasks/:id/done', action: 'exit.manage', tag: 'exits', params: taskParams, body: noteBody, roles: HR,
      summary: 'Mark a checklist item done; the case closes when the last one is',
      handler: ({ actor, params, body }) => completeExitTask(deps, { taskId: params.id, actor, note: body.note }),
    }),
  ];
}
